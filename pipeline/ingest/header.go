package ingest

import (
	"strings"

	"budgetpub/internal/hanzi"
)

// Header is what a saved web page's header says of the page: crawlers and
// CMS exports put "标题: …", "发布机构: …", "原文链接: …" lines above the body.
type Header struct {
	Title     string // 标题
	Publisher string // 发布机构 (or 来源)
	Published string // 发布时间, as printed
	URL       string // 原文链接
	TitleLine int    // the 1-based line of 标题
}

// headerLabels are the labels of such a header, with the field each fills.
var headerLabels = []struct {
	label string
	field func(h *Header) *string
}{
	{"标题", func(h *Header) *string { return &h.Title }},
	{"发布机构", func(h *Header) *string { return &h.Publisher }},
	{"来源", func(h *Header) *string { return &h.Publisher }},
	{"发布时间", func(h *Header) *string { return &h.Published }},
	{"发布日期", func(h *Header) *string { return &h.Published }},
	{"原文链接", func(h *Header) *string { return &h.URL }},
	{"原文地址", func(h *Header) *string { return &h.URL }},
	{"文号", nil}, {"栏目", nil}, {"本地目录", nil}, {"索引号", nil}, {"主题分类", nil}, {"成文日期", nil},
}

// ReadHeader reads the label lines at the top of lines. It needs a 标题 and
// at least one other label among the first lines, each line "label: value"
// (either colon), before anything else; otherwise it returns nil. A page in
// traditional script labels them in it (標題, 發佈時間, 發布機構); the values
// are kept as printed.
func ReadHeader(lines []string) *Header {
	h := &Header{}
	labels := 0
	for i, l := range lines {
		if i >= 20 {
			break
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		label, value, ok := cutLabel(l)
		if !ok {
			break
		}
		labels++
		for _, hl := range headerLabels {
			if hl.label != label || hl.field == nil {
				continue
			}
			if f := hl.field(h); *f == "" {
				*f = value
				if label == "标题" {
					h.TitleLine = i + 1
				}
			}
		}
	}
	if h.Title == "" || labels < 2 {
		return nil
	}
	return h
}

// cutLabel splits "标题: 2018年度…" (or "標題: 2018年度…") into a known
// label and its value as printed.
func cutLabel(l string) (label, value string, ok bool) {
	s := hanzi.Simplify(l) // same byte offsets as l
	for _, hl := range headerLabels {
		rest, found := strings.CutPrefix(s, hl.label)
		if !found {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		for _, colon := range []string{":", "："} {
			if v, found := strings.CutPrefix(rest, colon); found {
				return hl.label, strings.TrimSpace(l[len(l)-len(v):]), true
			}
		}
	}
	return "", "", false
}
