// Package ingest turns an input file into numbered lines of UTF-8 text. It
// knows nothing of budgets.
//
// Accepted inputs:
//   - .txt (or any other name): UTF-8 (with or without BOM), UTF-16 with a
//     BOM, or GB18030/GBK, detected in that order;
//   - .html, .htm, or text that starts like an HTML page: tags are dropped,
//     scripts and styles are removed, block elements become line breaks;
//   - .pdf: converted by poppler's pdftotext -layout (UTF-8), which must be
//     on PATH. Layout mode keeps a table row on one line, where default mode
//     often emits a table column by column;
//   - .xlsx and .xls workbooks: their sheets rendered as layout text (see
//     sheet.go), whichever of the two formats the bytes are.
//
// Line numbers are 1-based and count the lines of the decoded text (for a
// PDF, of pdftotext's output; for a workbook, of its rendered text), so that a figure's provenance names a line a
// reader can find.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Limits on what one input may cost.
const (
	MaxInputBytes = 64 << 20         // larger files are refused
	PDFTimeout    = 60 * time.Second // pdftotext is killed after this
	MaxPDFText    = 32 << 20         // a PDF whose text is larger is refused
)

// The limits pdfToText applies (tests lower them), and how long it waits
// for pdftotext's output to end once the process has exited or been killed:
// a process that escaped its group may hold the pipe open.
var (
	pdfTimeout   = PDFTimeout
	maxPDFText   = MaxPDFText
	pdfWaitDelay = 2 * time.Second
)

// Sentinel causes wrapped in *Error.
var (
	ErrNotRegular  = errors.New("not a regular file")
	ErrEmpty       = errors.New("file is empty")
	ErrBinary      = errors.New("file is binary, not text")
	ErrTooLarge    = fmt.Errorf("file is larger than %d MiB", MaxInputBytes>>20)
	ErrEncoding    = errors.New("text is neither UTF-8, UTF-16 nor GB18030")
	ErrNoPdftotext = errors.New("pdftotext not found: install poppler-utils (apt-get install poppler-utils) to read PDFs")
	ErrPDF         = errors.New("pdftotext could not read the PDF")
)

// Error is an input error with the file (and line, when known) it concerns.
type Error struct {
	Path string
	Line int // 0 when the error concerns the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Text is a decoded input.
type Text struct {
	Path     string
	Format   string // text, html, pdf, xlsx or xls
	Encoding string // utf-8, utf-16, gb18030 (of the file, or of pdftotext's output)
	SHA256   string // of the file's bytes
	Bytes    int64
	Lines    []string // Lines[i] is line i+1, without its line break
	Header   *Header  // a saved web page's header lines, when the text has them
}

// Check tells whether a file may be read as input: a regular file of at
// most MaxInputBytes. A named pipe, a device or a socket is refused before it
// is opened for reading (a pipe would block, a device never end).
func Check(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		if fi.Size() > MaxInputBytes {
			return ErrTooLarge
		}
		return nil
	case m.IsDir():
		return fmt.Errorf("%w: a directory", ErrNotRegular)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%w: a named pipe", ErrNotRegular)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("%w: a socket", ErrNotRegular)
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("%w: a device", ErrNotRegular)
	case m&fs.ModeSymlink != 0:
		return fmt.Errorf("%w: a symbolic link", ErrNotRegular)
	}
	return ErrNotRegular
}

// Open opens an input for reading after checking it with Check. The file
// is opened without blocking and checked on its descriptor, so a path that
// turned into a pipe after it was listed cannot hang the caller.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = Check(fi)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// Read reads and decodes one input file.
func Read(ctx context.Context, path string) (*Text, error) {
	data, err := ReadBytes(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	return Decoded(ctx, path, data)
}

// ReadBytes reads an input file's bytes (opened by Open; see ReadOpened).
func ReadBytes(path string) ([]byte, error) {
	f, fi, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadOpened(f, fi)
}

// ReadOpened reads the bytes of f, an input Open opened, whose FileInfo
// is fi: no more than MaxInputBytes and one, should the file grow while it
// is read.
func ReadOpened(f *os.File, fi fs.FileInfo) ([]byte, error) {
	// room for the whole file and the read that tells its end
	var b bytes.Buffer
	b.Grow(int(min(max(fi.Size(), 0), MaxInputBytes)) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, MaxInputBytes+1)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Decoded is Read of data, the bytes ReadBytes read from path.
func Decoded(ctx context.Context, path string, data []byte) (*Text, error) {
	if len(data) > MaxInputBytes {
		return nil, &Error{Path: path, Err: ErrTooLarge}
	}
	sum := sha256.Sum256(data)
	t := &Text{Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Path: path, Err: ErrEmpty}
	}
	if isWorkbook(path) {
		out, format, err := workbookText(ctx, data)
		if err != nil {
			return nil, &Error{Path: path, Err: err}
		}
		t.Format, t.Encoding = format, "utf-8"
		t.Lines = splitLines(out)
		return t, nil
	}
	if strings.EqualFold(filepath.Ext(path), ".pdf") || bytes.HasPrefix(data, []byte("%PDF-")) {
		out, err := pdfToText(ctx, path)
		if err != nil {
			return nil, &Error{Path: path, Err: err}
		}
		t.Format, t.Encoding = "pdf", "utf-8"
		t.Lines = Lines(strings.ReplaceAll(out, "\f", "\n"))
		t.Header = ReadHeader(t.Lines)
		if len(strings.TrimSpace(out)) == 0 {
			return nil, &Error{Path: path, Err: fmt.Errorf("%w: it has no text layer (a scanned PDF needs OCR)", ErrPDF)}
		}
		return t, nil
	}
	s, enc, err := Decode(data)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	t.Encoding = enc
	t.Format = "text"
	if isHTML(path, s) {
		t.Format = "html"
		s = HTMLText(s)
	}
	t.Lines = Lines(s)
	t.Header = ReadHeader(t.Lines)
	return t, nil
}

// Decode detects the encoding of data and returns it as UTF-8 text.
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", ErrEncoding
		}
		return string(data), "utf-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
		}
		return string(out), "utf-16", nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || controlShare(out) > 0.01 {
		return "", "", ErrEncoding
	}
	return string(out), "gb18030", nil
}

// controlShare is the share of runes that are control characters other than
// white space: high in binary data that happened to decode.
func controlShare(b []byte) float64 {
	n, bad := 0, 0
	for _, r := range string(b) {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(bad) / float64(n)
}

// Lines splits decoded text into the lines the extractor reads: at line
// breaks (\n, \r\n or \r), pipe tables' rows as tab-separated
// cells (see pipeRows), rows of tab-separated cells aligned in columns (see
// alignTabs) and long lines broken (see breakLongLines).
func Lines(s string) []string {
	return breakLongLines(alignTabs(pipeRows(splitLines(s))))
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// CanReadPDF tells whether pdftotext is installed, so that PDFs can be read.
func CanReadPDF() bool {
	_, err := exec.LookPath("pdftotext")
	return err == nil
}

func pdfToText(ctx context.Context, path string) (string, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", ErrNoPdftotext
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", path, "-")
	// pdftotext and anything it starts form one process group, killed as
	// a whole at the timeout
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	killGroup := func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.Cancel = killGroup
	cmd.WaitDelay = pdfWaitDelay
	stdout := &capped{max: maxPDFText, over: cancel}
	var stderr tail
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	err = cmd.Run()
	switch {
	case stdout.full:
		return "", fmt.Errorf("%w: its text is larger than %d MiB", ErrPDF, maxPDFText>>20)
	case errors.Is(err, exec.ErrWaitDelay):
		// the group outlived pdftotext, holding its output open (the group
		// id is still in use by them, so it names no other process)
		killGroup()
		return "", fmt.Errorf("%w: its output did not end after pdftotext exited", ErrPDF)
	case err == nil:
		return stdout.buf.String(), nil
	case ctx.Err() != nil:
		return "", fmt.Errorf("%w: timed out after %s", ErrPDF, pdfTimeout)
	}
	// the last line of stderr says why (earlier ones are font warnings)
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	msg := strings.TrimSpace(lines[len(lines)-1])
	if msg == "" {
		msg = err.Error()
	}
	if strings.Contains(msg, "password") {
		msg += " (the PDF is encrypted)"
	}
	return "", fmt.Errorf("%w: %s", ErrPDF, msg)
}

// capped keeps up to max bytes; a write beyond fails and calls over, once.
// (It has no ReadFrom, which would let io.Copy fill the buffer past max.)
type capped struct {
	buf  bytes.Buffer
	max  int
	full bool
	over func()
}

func (c *capped) Write(p []byte) (int, error) {
	if c.full || c.buf.Len()+len(p) > c.max {
		if !c.full {
			c.full = true
			c.over()
		}
		return 0, errors.New("output over the limit")
	}
	return c.buf.Write(p)
}

// tail keeps the last 4 KiB written: pdftotext's reason is on its last line.
type tail []byte

func (t *tail) Write(p []byte) (int, error) {
	*t = append(*t, p...)
	if len(*t) > 4096 {
		*t = (*t)[len(*t)-4096:]
	}
	return len(p), nil
}
