package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const sample = "曾都区信访局 2023 年部门预算\n收入预算总额 305.63 万元\n"

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEncodings(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sample))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	for _, c := range []struct {
		name, enc string
		data      []byte
	}{
		{"utf8", "utf-8", []byte(sample)},
		{"bom", "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, sample...)},
		{"gbk", "gb18030", gbk},
		{"utf16", "utf-16", u16},
	} {
		t.Run(c.name, func(t *testing.T) {
			txt, err := Read(context.Background(), write(t, c.name+".txt", c.data))
			if err != nil {
				t.Fatal(err)
			}
			if txt.Encoding != c.enc || txt.Lines[0] != "曾都区信访局 2023 年部门预算" || len(txt.Lines) != 2 {
				t.Errorf("got %s %q", txt.Encoding, txt.Lines)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", []byte(" \n"), ErrEmpty},
		{"binary.txt", []byte{0x00, 0x01, 0x02, 'a'}, ErrBinary},
	} {
		path := write(t, c.name, c.data)
		_, err := Read(context.Background(), path)
		var ie *Error
		if !errors.Is(err, c.want) || !errors.As(err, &ie) || ie.Path != path {
			t.Errorf("%s: err = %v, want %v naming the file", c.name, err, c.want)
		}
	}
	// bytes that are neither UTF-8 nor GB18030
	if _, err := Read(context.Background(), write(t, "latin.txt", []byte{0x81, 0x30, 0xff, 0xfe, 0x80, 0x80, 'a', '\n', 0xff})); !errors.Is(err, ErrEncoding) {
		t.Errorf("undecodable text: %v, want ErrEncoding", err)
	}
	// a 500 MB file is refused before it is read (the file is sparse)
	huge := filepath.Join(t.TempDir(), "huge.txt")
	if f, err := os.Create(huge); err == nil {
		f.Truncate(500 << 20)
		f.Close()
	}
	if _, err := Read(context.Background(), huge); !errors.Is(err, ErrTooLarge) {
		t.Errorf("500 MB file: %v, want ErrTooLarge", err)
	}
	if _, err := Read(context.Background(), filepath.Join(t.TempDir(), "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>T</title><script>var x="<p>2019年部门预算</p>";</script><style>p{}</style></head>
<body><div>重庆市交通委员会2018年部门预算情况说明</div><p>一、单位基本情况<br>1、负责&amp;推进</p><table><tr><td>a</td><td>1</td></tr></table></body></html>`
	txt, err := Read(context.Background(), write(t, "p.html", []byte(page)))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(txt.Lines, "|")
	if strings.Contains(got, "var x") || strings.Contains(got, "2019") {
		t.Errorf("script text kept: %q", got)
	}
	for _, want := range []string{"|重庆市交通委员会2018年部门预算情况说明|", "|一、单位基本情况|1、负责&推进|", "a\t1"} {
		if !strings.Contains("|"+got+"|", want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if txt.Format != "html" {
		t.Errorf("format = %s", txt.Format)
	}
}

// TestPDF needs poppler's pdftotext; CI installs it, so there it must run.
func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing in CI: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext not installed")
	}
	pdf := "../../data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.pdf"
	txt, err := Read(context.Background(), pdf)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(txt.Lines, "\n")
	// layout mode keeps a table row on one line
	if txt.Format != "pdf" || !strings.Contains(text, "预算主管部门：上海市普陀区人民政府万里街道办事处") || !regexp.MustCompile(`一、财政拨款收入 +156,211,123`).MatchString(text) {
		t.Errorf("PDF text is not the layout text of the disclosure: %q", txt.Lines[:3])
	}
	// testdata: a one-page PDF encrypted with a user password (made with
	// qpdf --encrypt), and the first 300 bytes of a PDF
	for _, bad := range []string{"testdata/encrypted.pdf", "testdata/truncated.pdf"} {
		_, err = Read(context.Background(), bad)
		var ie *Error
		if !errors.Is(err, ErrPDF) || !errors.As(err, &ie) || ie.Path != bad {
			t.Errorf("%s: %v, want ErrPDF naming the file", bad, err)
		}
	}
	_, err = Read(context.Background(), write(t, "broken.pdf", []byte("%PDF-1.4\nnot really")))
	if !errors.Is(err, ErrPDF) {
		t.Errorf("broken PDF: %v, want ErrPDF", err)
	}
}

// Read opens only regular files: a FIFO with no writer, or a device, is
// refused without blocking.
func TestReadOnlyRegularFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, "/dev/zero", t.TempDir()} {
		done := make(chan error, 1)
		go func() { _, err := Read(context.Background(), p); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), p) {
				t.Errorf("%s: %v, want ErrNotRegular naming the file", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Read blocked", p)
		}
	}
}

// fakePdftotext puts a shell script named pdftotext first on PATH.
func fakePdftotext(t *testing.T, script string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pdftotext"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// pdftotext is killed with everything it started at the timeout, a child
// holding its output open does not make the run wait, and its output is
// capped.
func TestPdftotextLimits(t *testing.T) {
	defer func(d, w time.Duration, m int) { pdfTimeout, pdfWaitDelay, maxPDFText = d, w, m }(pdfTimeout, pdfWaitDelay, maxPDFText)
	pdfWaitDelay, maxPDFText = 300*time.Millisecond, 1<<20
	pdf := write(t, "x.pdf", []byte("%PDF-1.4\n"))
	// each case has the timeout it tests, or one that a loaded machine
	// cannot reach before the limit it tests
	for _, c := range []struct {
		name, script string
		timeout      time.Duration
		want         string
	}{
		// a child keeps the pipe while pdftotext hangs
		{"hangs", "sleep 30 &\nsleep 30", 300 * time.Millisecond, "timed out after 300ms"},
		// pdftotext exits, a child that left its group keeps the pipe
		{"escapes", "setsid sleep 3 &\necho text", 10 * time.Second, "did not end"},
		// endless text
		{"floods", "yes 一、财政拨款收入 156,211,123", 10 * time.Second, "larger than 1 MiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pdfTimeout = c.timeout
			fakePdftotext(t, c.script)
			start := time.Now()
			done := make(chan error, 1)
			go func() { _, err := Read(context.Background(), pdf); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, ErrPDF) || !strings.Contains(err.Error(), c.want) {
					t.Errorf("err = %v, want ErrPDF: %s", err, c.want)
				}
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("took %v", d)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Read still waiting for pdftotext after 20 s")
			}
		})
	}
}
