package site

import (
	"encoding/binary"
	"fmt"

	"budgetpub/internal/wire"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// AppendBinary appends the summary to b in the form ReadSummary reads:
// each field in order, a string after its length, a number as a varint, a
// list after its length plus one (0 for none, so that a list none and an
// empty list stay apart: a department's page key is made of its
// documents' summaries as JSON, where they are null and []), an amount
// that may be absent after a byte that says whether it is there. A cached
// summary is read at every run for every document, and JSON took ten
// times as long.
func (s Summary) AppendBinary(b []byte) []byte {
	str := func(v string) { b = wire.AppendString(b, v) }
	count := func(n int, none bool) {
		if none {
			n = -1
		}
		b = binary.AppendUvarint(b, uint64(n+1))
	}
	strs := func(l []string) {
		count(len(l), l == nil)
		for _, v := range l {
			str(v)
		}
	}
	amount := func(m *schema.Money) {
		if m == nil {
			b = append(b, 0)
			return
		}
		b = append(b, 1)
		b = binary.AppendVarint(b, int64(*m))
	}
	str(s.ID)
	str(s.Department)
	str(s.Kind)
	str(s.Title)
	strs(s.AlsoNamed)
	str(s.DeptID)
	b = binary.AppendVarint(b, int64(s.Year))
	b = binary.AppendVarint(b, int64(s.Checks))
	strs(s.Unknown)
	count(len(s.Values), s.Values == nil)
	for _, v := range s.Values {
		amount(v)
	}
	count(len(s.Measures), s.Measures == nil)
	for _, m := range s.Measures {
		str(m.Key)
		str(m.Name)
		str(m.NameEn)
		b = binary.AppendVarint(b, int64(m.Value))
		amount(m.Budgeted)
		str(m.Pointer)
	}
	strs(s.Sections)
	strs(s.SectionNames)
	b = binary.AppendVarint(b, int64(s.TablesRead))
	return binary.AppendVarint(b, int64(s.TablesFound))
}

// ReadSummary reads what AppendBinary wrote, and the bytes after it. Its
// strings are copies (summaries are kept to the end of a run; b need not
// be).
func ReadSummary(b []byte) (Summary, []byte, error) {
	var s Summary
	rd := wire.Copying(b)
	str := rd.Text
	num := func() int { return int(rd.Varint()) }
	// count is a list's length, -1 for none (each item takes a byte at
	// least, and numbers follow the last list)
	count := func() int { return rd.Len() - 1 }
	strs := func() []string {
		n := count()
		if n < 0 {
			return nil
		}
		l := make([]string, n)
		for i := range l {
			l[i] = str()
		}
		return l
	}
	amount := func() *schema.Money {
		if rd.Byte() == 0 {
			return nil
		}
		m := schema.Money(rd.Varint())
		return &m
	}
	s.ID = str()
	s.Department = str()
	s.Kind = str()
	s.Title = str()
	s.AlsoNamed = strs()
	s.DeptID = str()
	s.Year = num()
	s.Checks = num()
	s.Unknown = strs()
	if n := count(); n >= 0 {
		s.Values = make([]*schema.Money, n)
		for i := range s.Values {
			s.Values[i] = amount()
		}
	}
	if n := count(); n >= 0 {
		s.Measures = make([]emit.Measure, n)
		for i := range s.Measures {
			m := &s.Measures[i]
			m.Key, m.Name, m.NameEn = str(), str(), str()
			m.Value = schema.Money(rd.Varint())
			m.Budgeted = amount()
			m.Pointer = str()
		}
	}
	s.Sections = strs()
	s.SectionNames = strs()
	s.TablesRead = num()
	s.TablesFound = num()
	if err := rd.Err(); err != nil {
		return Summary{}, nil, fmt.Errorf("summary %w", err)
	}
	return s, rd.Rest(), nil
}
