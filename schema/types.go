// Package schema is the canonical model of one budget disclosure: its Go
// types, its JSON Schema (budget.schema.json, embedded) and validation.
//
// The names follow ../shared/design/MODEL.md. Money is always yuan, held as
// integer fen (Money) and written with at most two decimals. A figure the
// document does not state is absent (a nil pointer), never zero.
package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Version is the semver of the model; it is written to /schema_version.
const Version = "1.8.0"

// Kinds of disclosure.
const (
	KindBudget        = "budget"         // 预算
	KindFinalAccounts = "final_accounts" // 决算
)

// Document is one disclosure: one department, one fiscal year, one kind.
// Where the text does not tell its department, year or kind (a page of a
// disclosure, its title page missing), those are absent and listed in
// Meta.Unknown: the figures are the disclosure's all the same.
type Document struct {
	SchemaVersion  string            `json:"schema_version"`
	ID             string            `json:"id"`
	Document       Meta              `json:"document"`
	Department     Department        `json:"department"`
	Revenue        *Revenue          `json:"revenue,omitempty"`
	Expenditure    *Expenditure      `json:"expenditure,omitempty"`
	GovernmentFund *Figure           `json:"government_fund,omitempty"`
	StateCapital   *Figure           `json:"state_capital,omitempty"`
	OperatingCosts *Figure           `json:"operating_costs,omitempty"`
	Procurement    *Procurement      `json:"procurement,omitempty"`
	Assets         *Assets           `json:"assets,omitempty"`
	ThreePublic    *ThreePublic      `json:"three_public,omitempty"`
	Performance    *Performance      `json:"performance,omitempty"`
	Claims         []Claim           `json:"claims"`
	Checks         []Check           `json:"checks"`
	Provenance     map[string]Source `json:"provenance"`
	Warnings       []Warning         `json:"warnings"`
	Coverage       []Coverage        `json:"coverage,omitempty"`
}

// AnyAmount tells whether an amount of the document's figures (revenue,
// expenditure, funds, operating costs, procurement, assets, 三公) is one
// that ok accepts, as its JSON writes it.
func (d *Document) AnyAmount(ok func(float64) bool) bool {
	data, _ := json.Marshal([]any{d.Revenue, d.Expenditure, d.GovernmentFund, d.StateCapital, d.OperatingCosts, d.Procurement, d.Assets, d.ThreePublic})
	var tree any
	json.Unmarshal(data, &tree)
	var holds func(v any) bool
	holds = func(v any) bool {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				if holds(x) {
					return true
				}
			}
		case []any:
			for _, x := range v {
				if holds(x) {
					return true
				}
			}
		case float64:
			return ok(v)
		}
		return false
	}
	return holds(tree)
}

// Coverage says, for one section of the narrative or one table, whether the
// extractor found and read it: the completeness report of a document.
type Coverage struct {
	Part   string `json:"part"`             // section or table
	Name   string `json:"name"`             // 三公经费, 收支总表 …
	NameEn string `json:"name_en"`          // its English label
	Status string `json:"status"`           // read, not_read, incomplete, empty, no_figure or absent
	Reason string `json:"reason,omitempty"` // why not read
	Line   int    `json:"line,omitempty"`   // where it is (a table's title, a section's first mention)
	File   int    `json:"file,omitempty"`   // the file of Line (Meta.Sources), 0 for the first
}

// Coverage statuses.
const (
	CoverageRead       = "read"       // found, read, and (tables) adding up
	CoverageNotRead    = "not_read"   // found but no figure taken: Reason says why
	CoverageIncomplete = "incomplete" // found, but cut or with no unit: left out, not guessed
	CoverageEmpty      = "empty"      // the document says it is nil (a zero, a note)
	CoverageNoFigure   = "no_figure"  // mentioned, but no amount stated for it
	CoverageAbsent     = "absent"     // not in the document
)

// Meta describes the disclosure itself.
type Meta struct {
	Kind       string `json:"kind,omitempty"`
	Scope      string `json:"scope,omitempty"` // department (部门) or unit (单位)
	FiscalYear int    `json:"fiscal_year,omitempty"`
	Title      string `json:"title,omitempty"` // absent where the text has none (a page of a disclosure)
	// Unknown lists what of the disclosure's identity the text does not
	// tell (UnknownDepartment, UnknownYear, UnknownKind), each absent from
	// the document; metadata.csv supplies them. Absent when all are known.
	Unknown      []string   `json:"unknown,omitempty"`
	ReportedUnit string     `json:"reported_unit,omitempty"`
	Publisher    string     `json:"publisher,omitempty"`
	SourceURL    string     `json:"source_url,omitempty"`
	Source       SourceFile `json:"source"`
	// Sources lists every input file of a disclosure published as several
	// (a text part and a tables part), Source first; the File of a line
	// (provenance, claims, warnings, coverage, checks) indexes it. Absent
	// for a disclosure of one file.
	Sources []SourceFile `json:"sources,omitempty"`
}

// SourceFile identifies the input file a document was extracted from.
type SourceFile struct {
	Path     string `json:"path"`
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	Encoding string `json:"encoding"`
	Format   string `json:"format"` // text, pdf, html or xlsx (its sheets rendered as text)
	// SourceURL is where the file was published (metadata.csv), for each
	// file of a disclosure of several.
	SourceURL string `json:"source_url,omitempty"`
	// Archive tells, of a file that budgetpub fetch archived, which version
	// of its URL it is. Absent for a file put in the input folder by hand.
	Archive *ArchivedVersion `json:"archive,omitempty"`
}

// ArchivedVersion is the version of a URL a source file is: the archive
// keeps every version fetched, and this file is the one fetched last.
type ArchivedVersion struct {
	Version  int    `json:"version"`  // 1 for the first version fetched from the URL; more when the source changed
	Archived string `json:"archived"` // when this version was first fetched (RFC 3339)
	// PreviousSHA256 and PreviousArchived are the version before it (when
	// Version > 1): its sha256 (objects/<sha256[:2]>/<sha256> in the
	// archive) and when it was first fetched.
	PreviousSHA256   string `json:"previous_sha256,omitempty"`
	PreviousArchived string `json:"previous_archived,omitempty"`
}

// Department is the publishing department.
type Department struct {
	// ID is the department's identity across years and renamings (see
	// pipeline/identity); set when a release is published.
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"` // absent where Meta.Unknown lists the department
	// AlsoNamed lists the other names the files of a disclosure of several
	// print for the department (中国共产党江苏省委员会办公厅 beside 江苏省委办公厅)
	AlsoNamed        []string `json:"also_named,omitempty"`
	Region           string   `json:"region,omitempty"`
	Responsibilities []string `json:"responsibilities,omitempty"`
	Staff            *Staff   `json:"staff,omitempty"`
}

// Staff holds head counts as stated (在职, 行政, 参公, 事业, 工勤, 离退休).
type Staff struct {
	Active         *int `json:"active,omitempty"`
	Administrative *int `json:"administrative,omitempty"`
	CivilService   *int `json:"civil_service,omitempty"`
	Institution    *int `json:"institution,omitempty"`
	Support        *int `json:"support,omitempty"`
	Retired        *int `json:"retired,omitempty"`
}

// Figure is one amount with the prior year's figure and, for 决算, the
// budgeted figure. What the text says about it (changes, percentages) is in
// Document.Claims.
type Figure struct {
	Amount    Money  `json:"amount"`
	PriorYear *Money `json:"prior_year,omitempty"`
	Budgeted  *Money `json:"budgeted,omitempty"`
}

// Revenue is 收入.
type Revenue struct {
	Total       *Money `json:"total,omitempty"`
	PriorYear   *Money `json:"prior_year,omitempty"`
	CurrentYear *Money `json:"current_year,omitempty"`
	CarriedOver *Money `json:"carried_over,omitempty"`
	// FiscalTotal is 财政拨款收入支出总计: appropriations with what they carry over.
	FiscalTotal *Money  `json:"fiscal_total,omitempty"`
	Sources     []Named `json:"sources,omitempty"`
}

// Expenditure is 支出.
type Expenditure struct {
	Total          *Money      `json:"total,omitempty"`
	PriorYear      *Money      `json:"prior_year,omitempty"`
	CurrentYear    *Money      `json:"current_year,omitempty"`
	CarriedForward *Money      `json:"carried_forward,omitempty"`
	ByFunction     []ClassItem `json:"by_function,omitempty"`
	ByEconomic     []ClassItem `json:"by_economic,omitempty"`
	Basic          *Figure     `json:"basic,omitempty"`
	// Personnel (人员经费) and PublicExpenses (公用经费) are the two parts of
	// Basic, kept only when stated of the same basic figure, or in a split of
	// the expenditure by use (人员支出/公用支出/项目支出) that adds up to its
	// stated total — each where printed, so one may be there without the other
	Personnel      *Figure `json:"personnel,omitempty"`
	PublicExpenses *Figure `json:"public_expenses,omitempty"`
	// General is the general budget appropriations' expenditure
	// (一般公共预算财政拨款支出), basic and project: all funds' only where
	// every yuan is such an appropriation.
	General *Figure `json:"general,omitempty"`
	// GeneralBasic is the basic expenditure of the general budget's
	// appropriations (一般公共预算财政拨款基本支出): the whole the
	// basic-expenditure table's economic classes (ByEconomic) break down,
	// which is Basic only where every yuan is an appropriation.
	// GeneralPersonnel and GeneralPublicExpenses are its 人员经费 and 公用经费,
	// kept only when stated of it.
	GeneralBasic          *Figure `json:"general_basic,omitempty"`
	GeneralPersonnel      *Figure `json:"general_personnel,omitempty"`
	GeneralPublicExpenses *Figure `json:"general_public_expenses,omitempty"`
	Project               *Figure `json:"project,omitempty"`
	// Reserve is 单位预留机动经费, a third kind of spending some provinces budget.
	Reserve  *Figure   `json:"reserve,omitempty"`
	Projects []Project `json:"projects,omitempty"`
}

// ClassItem is one row of a classification (功能分类 or 经济分类): a 类
// with its 款/项 (or economic items) below it in Items.
type ClassItem struct {
	Code         string      `json:"code,omitempty"`
	Name         string      `json:"name"`
	NameEn       string      `json:"name_en,omitempty"`
	ReportedName string      `json:"reported_name,omitempty"`
	Amount       Money       `json:"amount"`
	PriorYear    *Money      `json:"prior_year,omitempty"`
	Budgeted     *Money      `json:"budgeted,omitempty"`
	SharePct     *Pct        `json:"share_pct,omitempty"`
	Items        []ClassItem `json:"items,omitempty"`
	// Unstated tells a class whose amount the document does not state, only
	// its items' (a text that lists 项 one by one under a whole of its own):
	// it is written without amount, and Amount is 0, no figure. The items'
	// sum is not its amount: the text may list some of them only.
	Unstated bool `json:"-"`
}

// MarshalJSON writes a class whose amount is not stated without amount.
func (c ClassItem) MarshalJSON() ([]byte, error) {
	type plain ClassItem
	if !c.Unstated {
		return json.Marshal(plain(c))
	}
	return json.Marshal(struct {
		plain
		Amount *Money `json:"amount,omitempty"` // the outer field hides plain's
	}{plain: plain(c)})
}

// UnmarshalJSON reads a class written without amount as Unstated.
func (c *ClassItem) UnmarshalJSON(data []byte) error {
	type plain ClassItem
	var v struct {
		plain
		Amount *Money `json:"amount"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*c = ClassItem(v.plain)
	if v.Amount == nil {
		c.Unstated = true
	} else {
		c.Amount = *v.Amount
	}
	return nil
}

// Named is a named amount: a revenue source, an asset category.
type Named struct {
	Name      string `json:"name"`
	Amount    Money  `json:"amount"`
	PriorYear *Money `json:"prior_year,omitempty"`
	// PartOf names the source this one is a part of (一般公共预算 is part
	// of 财政拨款), so that sums count each yuan once.
	PartOf string `json:"part_of,omitempty"`
}

// Project is a named project line of 项目支出.
type Project struct {
	Name      string `json:"name"`
	Amount    Money  `json:"amount"`
	PriorYear *Money `json:"prior_year,omitempty"`
}

// Procurement is 政府采购, with its goods, works and services parts.
type Procurement struct {
	Amount   Money  `json:"amount"`
	Goods    *Money `json:"goods,omitempty"`
	Works    *Money `json:"works,omitempty"`
	Services *Money `json:"services,omitempty"`
	// Small and medium enterprises (中小企业): the procurement reserved
	// for them (面向中小企业预留, budgets) and the contracts awarded to them
	// (授予中小企业合同金额, final accounts), each with its part for small
	// and micro enterprises (小微企业).
	SMEReserved        *Money `json:"sme_reserved,omitempty"`
	SmallMicroReserved *Money `json:"small_micro_reserved,omitempty"`
	SMEAwarded         *Money `json:"sme_awarded,omitempty"`
	SmallMicroAwarded  *Money `json:"small_micro_awarded,omitempty"`
}

// Assets is 国有资产占用 at the start and end of the year.
type Assets struct {
	Start *AssetState `json:"start,omitempty"`
	End   *AssetState `json:"end,omitempty"`
}

// AssetState is the asset total at one date with its categories.
type AssetState struct {
	Total      Money   `json:"total"`
	ByCategory []Named `json:"by_category,omitempty"`
}

// ThreePublic is 三公经费 with its four parts.
type ThreePublic struct {
	Total          *Money  `json:"total,omitempty"`
	PriorYear      *Money  `json:"prior_year,omitempty"`
	Budgeted       *Money  `json:"budgeted,omitempty"`
	OverseasTravel *Figure `json:"overseas_travel,omitempty"`
	Reception      *Figure `json:"reception,omitempty"`
	// Vehicle is 公务用车购置及运行费, the subtotal of the two vehicle parts
	Vehicle          *Figure `json:"vehicle,omitempty"`
	VehiclePurchase  *Figure `json:"vehicle_purchase,omitempty"`
	VehicleOperation *Figure `json:"vehicle_operation,omitempty"`
}

// ThreePublicPart is one of the four parts of 三公经费, with its names.
type ThreePublicPart struct {
	Key      string // the field's JSON name: overseas_travel …
	Name     string // 因公出国（境）费 …
	NameEn   string
	Figure   *Figure // nil when the document does not state it
	Subtotal bool    // the vehicle subtotal: not to be added to the parts
}

// Parts lists the four parts in their usual order.
func (t *ThreePublic) Parts() []ThreePublicPart {
	return []ThreePublicPart{
		{"overseas_travel", "因公出国（境）费", "Overseas travel", t.OverseasTravel, false},
		{"reception", "公务接待费", "Official reception", t.Reception, false},
		{"vehicle_purchase", "公务用车购置费", "Vehicle purchase", t.VehiclePurchase, false},
		{"vehicle_operation", "公务用车运行维护费", "Vehicle operation", t.VehicleOperation, false},
	}
}

// Lines lists what a table of 三公经费 shows below its total: the parts,
// with the vehicle subtotal above its two parts.
func (t *ThreePublic) Lines() []ThreePublicPart {
	p := t.Parts()
	vehicle := ThreePublicPart{"vehicle", "公务用车购置及运行费（小计）", "Vehicles, purchase and operation (subtotal)", t.Vehicle, true}
	return []ThreePublicPart{p[0], p[1], vehicle, p[2], p[3]}
}

// Horizons of a performance goal.
const (
	HorizonLongTerm = "long_term"
	HorizonAnnual   = "annual"
)

// Performance is 绩效目标: department goals and key projects' goals.
type Performance struct {
	Goals    []Goal        `json:"goals,omitempty"`
	Projects []PerfProject `json:"projects,omitempty"`
}

// Goal is one long-term or annual goal with its indicators.
type Goal struct {
	Horizon    string      `json:"horizon"`
	Title      string      `json:"title"`
	Indicators []Indicator `json:"indicators,omitempty"`
}

// Indicator is one performance indicator: 产出 (output), 效益 (outcome) or
// 满意度 (satisfaction), with comparator, value, unit and basis.
type Indicator struct {
	Kind       string  `json:"kind"`
	Name       string  `json:"name"`
	Comparator string  `json:"comparator"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit,omitempty"`
	Basis      string  `json:"basis,omitempty"`
}

// PerfProject is a key project's performance goal.
type PerfProject struct {
	Name        string      `json:"name"`
	Amount      *Money      `json:"amount,omitempty"`
	Description string      `json:"description,omitempty"`
	Indicators  []Indicator `json:"indicators,omitempty"`
}

// Severities of a check finding.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Check is one finding of the consistency checks: two numbers that disagree.
type Check struct {
	Rule      string  `json:"rule"`
	Severity  string  `json:"severity"`
	Message   string  `json:"message"`
	MessageEn string  `json:"message_en"`
	Unit      string  `json:"unit"` // yuan, %, count, people, year or sign (-1, 0, 1)
	Stated    float64 `json:"stated"`
	Computed  float64 `json:"computed"`
	// Tolerance is the largest difference the rounding of the figures
	// involved explains, in Unit; a finding within it is info.
	Tolerance float64  `json:"tolerance"`
	Paths     []string `json:"paths"`
	Lines     []int    `json:"lines"`
	// Files gives the file of each line (Meta.Sources) in a disclosure of
	// several files; absent otherwise.
	Files []int `json:"files,omitempty"`
}

// Kinds of claim.
const (
	ClaimAmount    = "amount"     // the figure restated (e.g. text against table)
	ClaimPriorYear = "prior_year" // the prior year's figure restated
	ClaimChange    = "change"     // a stated change against the prior year, signed, yuan
	ClaimChangePct = "change_pct" // a stated change in percent, signed
	ClaimSharePct  = "share_pct"  // a stated share of Of, in percent
	// 决算: a stated completion rate, 决算数 / 预算数 in percent (完成年初预算的98.20%)
	ClaimExecutionPct = "execution_pct"
	// 决算: the stated direction of 决算数 against 预算数: -1 小于, 0 等于, 1 大于
	ClaimExecutionSign = "execution_sign"
	// 决算: the stated difference of 决算数 from 预算数, signed, yuan
	// (比年初预算数减少40.52万元), and that difference in percent of 预算数
	// (下降9.2%)
	ClaimBudgetChange    = "budget_change"
	ClaimBudgetChangePct = "budget_change_pct"
	// the figure at Path (a number) as another file of the same disclosure
	// states it, where the two differ (see check rule cross.parts)
	ClaimPart = "part"
	// a figure as a table prints it where the table, read from text that
	// keeps its columns, does not add up and is not used (or loses its
	// items): Path is the model's figure the row stands for, or
	// /tables/<title line>/<row line> where the model has none; Of, on a
	// part, is the Path of the table's total it adds up to (see check rules
	// restate.table and sum.table); a row that another table of the
	// document copies (same code, same column) and prints with another
	// amount is a claim of each table on the earlier table's row,
	// /tables/<its title line>/<the row's line> (restate.copy)
	ClaimTable = "table"
	// a whole the text states and the parts it lists after it ("基本支出
	// 13,979.92 万元。其中：（一）人员经费…（二）公用经费…"), kept where the
	// parts do not add up to it: the whole on /text/<its line>, each part
	// with Of the whole's path (see check rule sum.text)
	ClaimSum = "sum"
	// the amounts of a table whose rows nest in Levels levels under its
	// total, each level adding up to it, where default mode printed them
	// apart from their rows (a 政府采购支出预算表: kinds, subtotals,
	// purchases): the total, with Levels, and every other amount with Of
	// the total's path, each on /tables/<title line>/<its line>; kept
	// where they do not add up to Levels times the total (see check rule
	// sum.levels)
	ClaimLevels = "levels"
	// a head count the text states and the counts of its kinds it lists
	// right after it ("在职人数61人，包括行政人员26人、全部补助事业人员33人、…"):
	// the whole on /text/<its line>/staff/<the list's number on the
	// line>, each part with Of the whole's path, Value the number of people (see check rule sum.staff)
	ClaimHeadCount = "head_count"
)

// Claim is one statement the document makes about a figure of the model:
// the checks compare each claim with the figures it speaks of. Path is the
// JSON pointer of the figure (an amount, or an object with amount and
// prior_year); Of is the whole a share is taken of.
type Claim struct {
	Path  string  `json:"path"`
	Kind  string  `json:"kind"`
	Value float64 `json:"value"`
	Of    string  `json:"of,omitempty"`
	// Decimals is how many decimals the statement gave, which bounds the
	// rounding the checks forgive.
	Decimals int `json:"decimals"`
	// Unit is the unit the statement used (万元, 元, %).
	Unit string `json:"unit"`
	Line int    `json:"line"`
	Text string `json:"text"`
	File int    `json:"file,omitempty"` // the file of Line (Meta.Sources), 0 for the first
	// Table is the title line of the table a table claim comes from
	Table int `json:"table,omitempty"`
	// Levels is, on the whole of levels claims, how many levels of parts
	// add up to it
	Levels int `json:"levels,omitempty"`
}

// Source is where a figure came from: a 1-based line and its text, in the
// file File of Meta.Sources (0, the first, when absent).
type Source struct {
	Line int    `json:"line"`
	Text string `json:"text"`
	File int    `json:"file,omitempty"`
}

// What of a disclosure's identity Meta.Unknown may list.
const (
	UnknownDepartment = "department"
	UnknownYear       = "fiscal_year"
	UnknownKind       = "kind"
)

// Known tells whether the document's identity holds what (UnknownYear …).
func (m Meta) Known(what string) bool { return !slices.Contains(m.Unknown, what) }

// unknownNames say in a warning what Meta.Unknown lists.
var unknownNames = map[string]string{
	UnknownDepartment: "the department",
	UnknownYear:       "the fiscal year",
	UnknownKind:       "the kind (budget or final accounts)",
}

// UnknownWarning says what of its identity a document does not tell
// (Meta.Unknown), and how to supply it.
func UnknownWarning(unknown []string) Warning {
	var what []string
	for _, u := range unknown {
		what = append(what, unknownNames[u])
	}
	return Warning{Reason: WarnIdentity + ": the text does not tell " + strings.Join(what, ", ") +
		"; the figures are read, the identity is left out, not guessed. Give it in the input folder's metadata.csv, a row for this file" +
		" (columns file, department, fiscal_year and kind: fiscal_year is used with kind only)"}
}

// Reasons of the warnings about the text itself, which the checks read.
const (
	// WarnIdentity opens the warning of a document whose identity is
	// incomplete (Meta.Unknown)
	WarnIdentity    = "identity incomplete"
	WarnPlaceholder = "placeholder left in the text"
	WarnHeadingYear = "heading names another year"
	// WarnUnplaced ends the warning about an amount no figure took (its
	// Amount), or about how many more there are (WarnUnplacedMore)
	WarnUnplaced     = "not placed in the model"
	WarnUnplacedMore = "%d more amounts " + WarnUnplaced
	// WarnMissingSection is followed by ": " and the section's name
	WarnMissingSection = "section missing"
	// WarnMissingTable is followed by ": " and the table's name
	WarnMissingTable = "table missing"
)

// MandatorySections are the explanations every disclosure's narrative must
// give (the Ministry of Finance's templates for 部门预算 and 部门决算), each
// with the words that show it is there, even to say it is nil, and the
// first fiscal years it is owed: 机关运行经费 and 政府采购 since 地方预决算公开
// 操作规程 (财预〔2016〕143号, October 2016) — the 2017 budgets and the 2016
// final accounts, published after it.
var MandatorySections = []struct {
	Name, NameEn string
	Words        []string
	Budget       int // first budget year it is owed
	Final        int // first final-accounts year it is owed
}{
	{"“三公”经费", "three public expenses", []string{"三公"}, 0, 0},
	{"机关运行经费", "operating costs of the offices", []string{"机关运行经费", "运行经费"}, 2017, 2016},
	{"政府采购", "government procurement", []string{"政府采购"}, 2017, 2016},
}

// WarningCounts tells a document's warnings apart, neither kind a finding
// about the document (Checks are those): unplaced counts the amounts of the
// text the extractor placed nowhere (WarnUnplaced, the rest of a long list
// counted in one warning: WarnUnplacedMore), notes the warnings on how it
// read the text (an identity not told, a table left out).
func (d *Document) WarningCounts() (unplaced, notes int) {
	for _, w := range d.Warnings {
		var more int
		switch {
		case !strings.HasSuffix(w.Reason, WarnUnplaced):
			notes++
		case w.Amount != nil:
			unplaced++
		default:
			if _, err := fmt.Sscanf(w.Reason, WarnUnplacedMore, &more); err == nil {
				unplaced += more
			}
		}
	}
	return unplaced, notes
}

// Warning is something the extractor saw but could not place.
type Warning struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
	File   int    `json:"file,omitempty"` // the file of Line (Meta.Sources), 0 for the first
	// Amount is the amount a warning of one amount placed nowhere
	// (WarnUnplaced) is about, which the checks read
	Amount *Money `json:"amount,omitempty"`
}
