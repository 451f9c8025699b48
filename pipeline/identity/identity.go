// Package identity gives a department one id across years and renamings.
//
// A department publishes under several names: 中国共产党江苏省委员会办公厅,
// 中共江苏省委办公厅 and 江苏省委办公厅 are one office; 上海市普陀区人民政府
// 万里街道办事处 and 上海市普陀区万里街道 one street. Normalize folds the
// common variants into one key; an editable alias table (departments.csv in
// the input folder) joins the names no rule can (a renaming, a region that
// changed its name). ID is the id of a name: the table's where it lists the
// name, else one derived from the key.
package identity

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// replacements are the long forms of names and their short forms, applied
// in order.
var replacements = []struct{ long, short string }{
	{"中国共产党", "中共"},
	{"人民代表大会常务委员会", "人大常委会"},
	{"省委员会", "省委"}, {"市委员会", "市委"}, {"区委员会", "区委"}, {"县委员会", "县委"}, {"州委员会", "州委"}, {"旗委员会", "旗委"},
	{"街道办事处", "街道"},
}

// regionChars end the name of a place: 省, 市, 区, 县 …
const regionChars = "省市区县州旗镇乡"

// Normalize folds the common variants of a department's name into one key:
// spaces and the width of brackets; 中国共产党 → 中共, a leading 中共 before a
// committee (中共江苏省委 → 江苏省委); 省委员会 → 省委 (and 市, 区, 县);
// 中国人民政治协商会议X委员会 → X政协; 人民代表大会常务委员会 → 人大常委会;
// 人民政府 between a place and a unit (普陀区人民政府万里街道办事处 → 普陀区
// 万里街道), 人民政府 → 政府 after a place, a town's or a street's government
// is the town or street (平原镇人民政府 → 平原镇); 街道办事处 and 街道办 →
// 街道; a trailing 本级 or 部门, with or without brackets.
func Normalize(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsSpace(r), r == '\u3000':
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		}
		b.WriteRune(r)
	}
	s := b.String()
	for {
		t := s
		for _, suf := range []string{"(本级)", "本级", "(部门)", "部门", "(汇总)"} {
			t = strings.TrimSuffix(t, suf)
		}
		if t == s || t == "" {
			break
		}
		s = t
	}
	// 中国人民政治协商会议江苏省委员会 → 江苏省政协
	if rest, ok := strings.CutPrefix(s, "中国人民政治协商会议"); ok {
		if k := strings.Index(rest, "委员会"); k > 0 {
			s = rest[:k] + "政协" + rest[k+len("委员会"):]
		}
	}
	for _, r := range replacements {
		s = strings.ReplaceAll(s, r.long, r.short)
	}
	s = strings.TrimPrefix(s, "中共")
	s = government(s)
	if t, ok := strings.CutSuffix(s, "街道办"); ok {
		s = t + "街道"
	}
	return s
}

// government drops 人民政府 (or 政府) where it stands between a place and a
// unit of it, and where it follows a town or a street; after any other
// place it is 政府.
func government(s string) string {
	var out strings.Builder
	for i := 0; i < len(s); {
		long := ""
		for _, g := range []string{"人民政府", "政府"} {
			if strings.HasPrefix(s[i:], g) {
				long = g
				break
			}
		}
		done := out.String()
		last, _ := utf8.DecodeLastRuneInString(done)
		street := strings.HasSuffix(done, "街道")
		if long == "" || !strings.ContainsRune(regionChars, last) && !street || strings.HasPrefix(s[i+len(long):], "采购") {
			_, n := utf8.DecodeRuneInString(s[i:])
			out.WriteString(s[i : i+n])
			i += n
			continue
		}
		i += len(long)
		if i == len(s) && last != '镇' && last != '乡' && !street {
			out.WriteString("政府") // 普陀区人民政府: the district's government, not the district
		}
	}
	return out.String()
}

// Qualified is name with its region before it, when the name does not
// hold it (中共江苏省委办公厅 holds 江苏省).
func Qualified(name, region string) string {
	if region == "" || strings.Contains(Normalize(name), Normalize(region)) {
		return name
	}
	return region + name
}

// ID is the default id of a department's name: "d-" and ten hex digits of
// the sha256 of its key, so that every variant Normalize folds gets the
// same id, in any release.
func ID(name string) string {
	sum := sha256.Sum256([]byte(Normalize(name)))
	return "d-" + hex.EncodeToString(sum[:])[:10]
}

// Placeholder tells whether a department's name is a template's: it holds
// a placeholder (上海市XX局, ××局, 〇〇街道).
func Placeholder(name string) bool {
	for _, p := range []string{"XX", "xx", "××", "〇〇", "○○", "某某"} {
		if strings.Contains(strings.ReplaceAll(name, " ", ""), p) {
			return true
		}
	}
	return false
}

// Unidentified is the id of the department of a document that does not
// tell it (schema.UnknownDepartment): "u-" and ten hex digits of the
// sha256 of the document's id, which its source file gives — a department
// of its own, stable across releases, that no other document joins.
func Unidentified(docID string) string {
	sum := sha256.Sum256([]byte(docID))
	return "u-" + hex.EncodeToString(sum[:])[:10]
}
