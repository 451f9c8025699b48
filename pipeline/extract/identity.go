package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// identity is what the title says: 曾都区信访局 2023 年部门预算.
type identity struct {
	name, title, kind, scope string
	year, line                int
}

// titleKinds are the words that close a disclosure's title.
var titleKinds = []struct{ word, kind, scope string }{
	{"部门预算", "budget", "department"}, {"部门决算", "final_accounts", "department"},
	{"单位预算", "budget", "unit"}, {"单位决算", "final_accounts", "unit"},
	{"预算", "budget", ""}, {"决算", "final_accounts", ""},
}

// readIdentity finds the title among the first lines: a four-digit year,
// 年 or 年度, then (部门|单位)(预算|决算). The department is the text before
// the year, or the line(s) before the title when the title starts with the
// year, or a "预算主管部门：" / "单位名称：" label, which wins.
func readIdentity(lines []string) identity {
	var id identity
	limit := min(len(lines), 80)
	var prev []string // non-blank lines before the current one
	for i := 0; i < limit; i++ {
		l := strings.Join(strings.Fields(fold(lines[i])), "")
		if l == "" {
			continue
		}
		if id.year == 0 && !strings.Contains(l, "…") && !strings.Contains(l, "目录") {
			if y, before, after, ok := yearIn(l); ok {
				for _, k := range titleKinds {
					if j := strings.Index(after, k.word); j >= 0 && j <= 8 {
						id.year, id.kind, id.scope, id.line = y, k.kind, k.scope, i+1
						id.title = l
						id.name = strings.TrimRight(before, " :：")
						if id.name == "" && len(prev) > 0 {
							id.name = titleName(prev)
							id.title = id.name + l
						}
						break
					}
				}
			}
		}
		for _, label := range []string{"预算主管部门:", "主管部门:", "部门名称:", "单位名称:", "编制部门:", "编制单位:"} {
			if strings.HasPrefix(l, label) && len(l) > len(label) {
				if id.year != 0 && id.name == "" || strings.HasPrefix(label, "预算主管") || strings.HasPrefix(label, "部门名称") || strings.HasPrefix(label, "单位名称") {
					id.name = strings.TrimPrefix(l, label)
				}
			}
		}
		prev = append(prev, l)
	}
	id.name = cleanName(id.name)
	return id
}

// yearIn finds a plausible fiscal year (19xx/20xx) followed by 年 in l.
func yearIn(l string) (year int, before, after string, ok bool) {
	for i := 0; i+4 < len(l); i++ {
		if !allDigits(l, i, i+4) || i > 0 && l[i-1] >= '0' && l[i-1] <= '9' {
			continue
		}
		rest := l[i+4:]
		if !strings.HasPrefix(rest, "年") {
			continue
		}
		y, _ := strconv.Atoi(l[i : i+4])
		if y < 1990 || y > 2100 {
			continue
		}
		rest = strings.TrimPrefix(rest, "年")
		rest = strings.TrimPrefix(rest, "度")
		return y, l[:i], rest, true
	}
	return 0, "", "", false
}

// titleName takes the department name from the lines before a title that
// starts with its year, joining a name broken over two lines.
func titleName(prev []string) string {
	name := prev[len(prev)-1]
	if len(prev) >= 2 {
		p := prev[len(prev)-2]
		if utf8.RuneCountInString(p) <= 20 && !strings.ContainsAny(p, "0123456789") && !endsSentence(p) && !strings.HasPrefix(p, "附件") && !strings.Contains(p, "目") {
			name = p + name
		}
	}
	return name
}

func endsSentence(s string) bool {
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "；")
}

// cleanName drops what often clings to a department name in titles.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"附件1", "附件", "关于"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSuffix(s, "(部门)")
	return strings.Trim(s, " :：“”\"")
}

// regionSuffixes end an administrative division's name.
var regionSuffixes = []string{"自治区", "自治州", "自治县", "特别行政区", "省", "市", "区", "县", "旗", "州", "盟"}

// regionOf reads the administrative divisions that open a department name:
// 上海市普陀区人民政府万里街道办事处 → 上海市普陀区. Each division has at least
// two characters before its suffix, and something must remain after them.
func regionOf(name string) string {
	rs := []rune(name)
	end := 0
	for end < len(rs) {
		found := 0
		for k := end + 2; k < len(rs)-1 && k <= end+8; k++ {
			for _, suf := range regionSuffixes {
				sr := []rune(suf)
				if k+len(sr) <= len(rs)-2 && string(rs[k:k+len(sr)]) == suf {
					found = k + len(sr)
					break
				}
			}
			if found > 0 {
				break
			}
		}
		if found == 0 {
			break
		}
		end = found
	}
	return string(rs[:end])
}
