package extract

import (
	"testing"

	"budgetpub/schema"
)

// TestSMEProcurement: the procurement reserved for and awarded to small
// and medium enterprises, with their small and micro parts and the shares
// stated; a later sentence about the reserved projects' winners is not
// the reserve, and a label whose amount is past a clause or another figure
// gives nothing.
func TestSMEProcurement(t *testing.T) {
	budget := extractLines(t, `某区某局2024年部门预算
一、政府采购预算情况
2024年本部门政府采购预算总额1,662.44万元，其中：货物93.98万元、工程815.87万元、服务752.59万元。
2024年本部门面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业的政府采购项目预算为465.49万
元。
在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元。
`)
	final := extractLines(t, `某区某局2023年度部门决算
一、政府采购支出情况说明
2023年度本部门政府采购支出总额1,000.00万元，其中：政府采购货物支出100.00万元、政府采购工程支出0万元、政府采购服务支出900.00万元。授予中小企业合同金额800.00万元，占政府采购支出总额的80%，其中：授予小微企业合同金额600.00万元，占授予中小企业合同金额的75%。
`)
	m := func(d *schema.Document, f func(*schema.Procurement) *schema.Money) string {
		if d.Procurement == nil || f(d.Procurement) == nil {
			return "-"
		}
		return f(d.Procurement).String()
	}
	for _, c := range []struct {
		d          *schema.Document
		what, want string
		got        func(*schema.Procurement) *schema.Money
	}{
		{budget, "reserved", "6649800", func(p *schema.Procurement) *schema.Money { return p.SMEReserved }},
		{budget, "small and micro reserved", "4654900", func(p *schema.Procurement) *schema.Money { return p.SmallMicroReserved }},
		{budget, "awarded", "-", func(p *schema.Procurement) *schema.Money { return p.SMEAwarded }},
		{final, "awarded", "8000000", func(p *schema.Procurement) *schema.Money { return p.SMEAwarded }},
		{final, "small and micro awarded", "6000000", func(p *schema.Procurement) *schema.Money { return p.SmallMicroAwarded }},
		{final, "reserved", "-", func(p *schema.Procurement) *schema.Money { return p.SMEReserved }},
	} {
		if got := m(c.d, c.got); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.d.Document.Kind, c.what, got, c.want)
		}
	}
	if len(budget.Claims) != 0 {
		t.Errorf("budget claims %+v", budget.Claims)
	}
	shares := map[string]schema.Claim{}
	for _, cl := range final.Claims {
		if cl.Kind == schema.ClaimSharePct {
			shares[cl.Path] = cl
		}
	}
	if a, b := shares["/procurement/sme_awarded"], shares["/procurement/small_micro_awarded"]; a.Value != 80 || a.Of != "/procurement/amount" ||
		b.Value != 75 || b.Of != "/procurement/sme_awarded" || a.Line != 3 {
		t.Errorf("shares %+v", shares)
	}
	// a clause or another figure between the label and an amount
	far := extractLines(t, `某区某局2024年部门预算
2024年本部门政府采购预算总额100.00万元。面向中小企业预留的项目，金额60.00万元；面向小微企业预留2个项目40.00万元。
`)
	if p := far.Procurement; p == nil || p.SMEReserved != nil || p.SmallMicroReserved != nil {
		t.Errorf("far: %+v", p)
	}
}

// Other templates' words: 合同总金额, and the small and micro enterprises'
// share stated of the whole procurement, not of the contracts awarded to
// all small and medium enterprises.
func TestSMEOtherWordings(t *testing.T) {
	d := extractLines(t, `湖北省某市统计局2019年度部门决算
2019年度本部门政府采购支出总额345.6万元，其中：政府采购货物支出120万元、政府采购工程支出0万元、政府采购服务支出225.6万元。授予中小企业合同总金额300万元，占政府采购支出总额的86.8%，其中：授予小微企业合同金额200万元，占政府采购支出总额的57.9%。
`)
	if p := d.Procurement; p == nil || p.SMEAwarded == nil || *p.SMEAwarded != schema.Yuan(3000000) || p.SmallMicroAwarded == nil || *p.SmallMicroAwarded != schema.Yuan(2000000) {
		t.Fatalf("procurement %+v", d.Procurement)
	}
	shares := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimSharePct {
			shares[cl.Path] = cl.Of
		}
	}
	if shares["/procurement/sme_awarded"] != "/procurement/amount" || shares["/procurement/small_micro_awarded"] != "/procurement/amount" {
		t.Errorf("the shares are of %v", shares)
	}
}

// A reserve's share is read where its whole is named: "面向中小企业预留…40万元，
// 占政府采购预算总额的40%".
func TestSMEReserveShare(t *testing.T) {
	d := extractLines(t, "某县民政局2021年部门预算\n2021年本部门政府采购预算总额100万元。本部门面向中小企业预留政府采购项目预算金额40万元，占政府采购预算总额的40%。\n")
	var got []schema.Claim
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimSharePct {
			got = append(got, cl)
		}
	}
	if len(got) != 1 || got[0].Path != "/procurement/sme_reserved" || got[0].Of != "/procurement/amount" || got[0].Value != 40 {
		t.Errorf("shares %+v", got)
	}
}

// The words between 授予中小企业 and its amount vary (的采购合同金额), and a
// reserve may be "预留中小企业采购份额".
func TestSMEWordsBetween(t *testing.T) {
	d := extractLines(t, "某县某局2021年度部门决算\n2021年度本部门政府采购支出总额100万元。授予中小企业的采购合同金额80万元，占政府采购支出总额的80%，其中：授予小微企业的采购合同金额50万元，占授予中小企业合同金额的62.5%。\n")
	if p := d.Procurement; p == nil || p.SMEAwarded == nil || *p.SMEAwarded != schema.Yuan(800000) || p.SmallMicroAwarded == nil || *p.SmallMicroAwarded != schema.Yuan(500000) {
		t.Errorf("awarded %+v", d.Procurement)
	}
	d = extractLines(t, "某县某局2022年部门预算\n2022年本部门政府采购预算100万元。本部门预留中小企业采购份额60万元。\n")
	if p := d.Procurement; p == nil || p.SMEReserved == nil || *p.SMEReserved != schema.Yuan(600000) {
		t.Errorf("reserved %+v", d.Procurement)
	}
}
