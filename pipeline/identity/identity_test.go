package identity

import (
	"strings"
	"testing"
)

func TestNormalizeJoinsVariants(t *testing.T) {
	for _, group := range [][]string{
		{"中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", "江苏省委办公厅", "中共 江苏省委 办公厅"},
		{"中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅"},
		{"江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅"},
		{"上海市普陀区人民政府万里街道办事处", "上海市普陀区万里街道办事处", "上海市普陀区万里街道", "上海市普陀区万里街道办"},
		{"平潭综合实验区平原镇人民政府", "平潭综合实验区平原镇政府", "平潭综合实验区平原镇"},
		{"普陀区人民政府办公室", "普陀区政府办公室"},
		{"江苏省人民检察院", "江苏省人民检察院本级", "江苏省人民检察院（本级）", "江苏省人民检察院(部门)"},
		{"平潭综合实验区本级", "平潭综合实验区"},
	} {
		for _, n := range group[1:] {
			if Normalize(n) != Normalize(group[0]) {
				t.Errorf("Normalize(%s) = %s, Normalize(%s) = %s: want one key", n, Normalize(n), group[0], Normalize(group[0]))
			}
			if ID(n) != ID(group[0]) {
				t.Errorf("ID(%s) != ID(%s)", n, group[0])
			}
		}
	}
}

func TestNormalizeKeepsDepartmentsApart(t *testing.T) {
	for _, pair := range [][2]string{
		{"江苏省委办公厅", "江苏省人民政府办公厅"},
		{"江苏省委办公厅", "江苏省人大常委会办公厅"},
		{"上海市普陀区人民政府", "上海市普陀区"}, // the district's government is not the district's aggregate
		{"上海市政府采购中心", "上海市采购中心"},
		{"江苏省人民检察院", "江苏省高级人民法院"},
		{"平潭综合实验区公安局", "平潭综合实验区市场监督管理局"},
		{"上海市普陀区万里街道", "上海市普陀区长征镇"},
	} {
		if Normalize(pair[0]) == Normalize(pair[1]) {
			t.Errorf("%s and %s share the key %s", pair[0], pair[1], Normalize(pair[0]))
		}
	}
}

func TestIDIsStableAndURLSafe(t *testing.T) {
	id := ID("中共江苏省委办公厅")
	if !idPattern.MatchString(id) || !strings.HasPrefix(id, "d-") || len(id) != 12 {
		t.Errorf("ID = %q", id)
	}
	// the id of a name must never change between releases: pages and
	// panels are keyed by it
	if id != "d-c8bdbbd63e" {
		t.Errorf("ID(中共江苏省委办公厅) = %s, was d-c8bdbbd63e", id)
	}
}

func TestTable(t *testing.T) {
	csv := "department_id,name,note\n" +
		"pingtan-pingyuan-town,平潭县平原镇人民政府,平潭县 is governed by 平潭综合实验区\n" +
		"pingtan-pingyuan-town,平潭综合实验区平原镇人民政府,\n" +
		"Bad Id,某局,\n" +
		"other,平潭县平原镇,a variant of a name listed under another id\n" +
		"empty,,\n"
	tab, bad, err := ReadTable(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) != 3 {
		t.Fatalf("errors %v, want 3 rows left out", bad)
	}
	for i, want := range []string{"line 4: department_id", "line 5: 平潭县平原镇 is department pingtan-pingyuan-town already (line 2)", "line 6: no name"} {
		if !strings.HasPrefix(bad[i].Error(), want) {
			t.Errorf("error %d = %q, want %q…", i, bad[i], want)
		}
	}
	for _, n := range []string{"平潭县平原镇人民政府", "平潭综合实验区平原镇人民政府", "平潭综合实验区平原镇"} {
		if got := tab.ID(n); got != "pingtan-pingyuan-town" {
			t.Errorf("ID(%s) = %s", n, got)
		}
	}
	if got := tab.ID("平潭综合实验区公安局"); got != ID("平潭综合实验区公安局") {
		t.Errorf("a name the table does not list: %s", got)
	}
	var none *Table
	if none.ID("江苏省委办公厅") != ID("江苏省委办公厅") || none.Digest() != "" {
		t.Error("a nil table must give the default ids")
	}
	if _, _, err := ReadTable(strings.NewReader("id,alias\nx,y\n")); err == nil {
		t.Error("a table without department_id and name columns was accepted")
	}
}

func TestPlaceholder(t *testing.T) {
	for name, want := range map[string]bool{"上海市XX局": true, "上海市 XX 局": true, "××街道": true, "〇〇镇人民政府": true, "上海市普陀区财政局": false, "江苏省委办公厅": false} {
		if Placeholder(name) != want {
			t.Errorf("Placeholder(%s) = %v", name, !want)
		}
	}
}

// TestRegionQualifiedIDs: a unit printed without its region (卫生监督所) is
// its region's: two regions' units of one name are two departments, one
// region's are one, and a name that holds its region keeps its id; the
// alias table lists the qualified name first, the printed one after.
func TestRegionQualifiedIDs(t *testing.T) {
	var none *Table
	a, b := none.IDIn("卫生监督所", "平潭综合实验区"), none.IDIn("卫生监督所", "福州市")
	if a == b || a != ID("平潭综合实验区卫生监督所") || none.IDIn("卫生监督所", "") != ID("卫生监督所") {
		t.Errorf("ids %s %s", a, b)
	}
	for _, c := range [][2]string{{"中共江苏省委办公厅", "江苏省"}, {"平潭县平原镇人民政府", "平潭县"}, {"平潭综合实验区", "平潭综合实验区"}} {
		if got := none.IDIn(c[0], c[1]); got != ID(c[0]) {
			t.Errorf("%s in %s: %s, want its own %s", c[0], c[1], got, ID(c[0]))
		}
	}
	tab, _, err := ReadTable(strings.NewReader("department_id,name,note\nhealth-pt,平潭综合实验区卫生监督所,\nhealth-any,卫生监督所,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.IDIn("卫生监督所", "平潭综合实验区"); got != "health-pt" {
		t.Errorf("the qualified name's entry: %s", got)
	}
	if got := tab.IDIn("卫生监督所", "福州市"); got != "health-any" {
		t.Errorf("the printed name's entry: %s", got)
	}
}
