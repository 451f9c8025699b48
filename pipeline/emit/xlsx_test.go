package emit

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestInlineStringEscapesAsXML: a cell's text is written as xml.EscapeText
// writes it — as it is when it needs nothing, escaped or replaced when it
// holds what XML escapes or does not take.
func TestInlineStringEscapesAsXML(t *testing.T) {
	for _, s := range []string{
		"", "住房公积金", "plain ASCII 123", `a "quoted" & <tagged> 'text'`, "tab\there", "line\nbreak\r",
		"bell\x07", "bad \xff byte", "replacement \uFFFD kept", "not a character \uFFFE", "emoji 😀", "\U0010FFFF",
	} {
		got, err := inlineString([]byte("<row>"), "B7", s)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		want.WriteString("<row>")
		want.WriteString(`<c r="B7" t="inlineStr"><is><t xml:space="preserve">`)
		xml.EscapeText(&want, []byte(s))
		want.WriteString(`</t></is></c>`)
		if string(got) != want.String() {
			t.Errorf("%q: %s, want %s", s, got, want.String())
		}
	}
}
