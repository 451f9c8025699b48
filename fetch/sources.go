package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Source is one row of sources.csv: a portal page to start from, with
// hints for what is found there.
type Source struct {
	URL string `csv:"url"`
	// Page says what the page is: "listing" (its links to disclosure
	// articles are followed), "article" (a disclosure itself: it is
	// archived and its attachments fetched), or empty: a listing when it
	// links to pages of its host matching Links, an article otherwise.
	Page string `csv:"page"`
	// Links is a regular expression (Go syntax) a link's text or URL must
	// match to be followed from a listing; DefaultLinks when empty.
	Links string `csv:"links"`

	// Hints, carried into the manifest and metadata.csv.
	Department string `csv:"department"`
	Publisher  string `csv:"publisher"`
	Year       string `csv:"year"`
	Kind       string `csv:"kind"`
	Region     string `csv:"region"`

	line  int
	links *regexp.Regexp
}

// DefaultLinks is the pattern of disclosure links when a source sets none.
const DefaultLinks = `预算|决算|三公`

// ReadSources reads and checks a sources.csv; an error names the file and
// the line.
func ReadSources(path string) ([]*Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // as Excel saves UTF-8
	if !utf8.Valid(data) {                          // as Excel on Chinese Windows saves CSV
		if data, err = simplifiedchinese.GB18030.NewDecoder().Bytes(data); err != nil {
			return nil, fmt.Errorf("%s: neither UTF-8 nor GB18030", path)
		}
	}
	var rows []*Source
	if err := gocsv.UnmarshalBytes(data, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no sources (a header line with a url column, then one URL a line)", path)
	}
	var errs []error
	for i, s := range rows {
		s.line = i + 2
		if err := s.check(); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", path, s.line, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rows, nil
}

func (s *Source) check() error {
	s.URL = strings.TrimSpace(s.URL)
	if s.URL == "" {
		return errors.New("column url is empty")
	}
	u, err := url.Parse(s.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("url %q is not an http(s) URL", s.URL)
	}
	u.Fragment = ""
	s.URL = u.String()
	switch s.Page {
	case "", roleListing, roleArticle:
	default:
		return fmt.Errorf("page %q must be listing, article or empty", s.Page)
	}
	pattern := s.Links
	if pattern == "" {
		pattern = DefaultLinks
	}
	if s.links, err = regexp.Compile(pattern); err != nil {
		return fmt.Errorf("links: %w", err)
	}
	return nil
}
