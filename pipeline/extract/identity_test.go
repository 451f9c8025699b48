package extract

import "testing"

// A page without a title whose first line opens with its department and
// the year ("某市水务局2018年用一般公共预算…"), after the numbered heading it
// may open with, names its department there; a name that opens a later line
// once names none.
func TestSubjectNameOpening(t *testing.T) {
	flat := []string{"某市水务局2018年用一般公共预算财政拨款开支的“三公”经费支出合计24.75万元。", "“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元。"}
	if name, line := subjectName(flat, 2018, false); name != "某市水务局" || line != 1 {
		t.Errorf("opening: %q line %d", name, line)
	}
	headed := []string{"一、“三公”经费财政拨款支出决算总体情况说明", "某市水务局2019年度“三公”经费财政拨款支出决算为17.06万元。"}
	if name, line := subjectName(headed, 2019, false); name != "某市水务局" || line != 2 {
		t.Errorf("under its heading: %q line %d", name, line)
	}
	later := []string{"“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元。", "某市水务局2018年用一般公共预算财政拨款开支的“三公”经费支出合计24.75万元。"}
	if name, _ := subjectName(later, 2018, false); name != "" {
		t.Errorf("a later line: %q", name)
	}
}
