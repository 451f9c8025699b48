package site

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"budgetpub/pipeline/emit"
)

// pkgField and pkgResource are the parts of datapackage.json the site reads.
type pkgField struct {
	Name, Title, Type, Description string
	Constraints                    map[string]any
}

type pkgResource struct {
	Name, Title, Description, Path, Format, Hash, Mediatype string
	Bytes, RowCount                                         int64
	Schema                                                  *struct {
		Fields     []pkgField
		PrimaryKey []string
	}
}

type datasetTable struct {
	Name, Title, Description, Key string
	Rows                          int64
	Fields                        []pkgField
	Preview                       [][]string
}

// datasets renders a page per table from datapackage.json and the CSV that
// emit wrote.
func (r *renderer) datasets(res *emit.Result) error {
	var pkg struct {
		Citation  string
		Resources []pkgResource
	}
	data, err := os.ReadFile(filepath.Join(r.dir, "datapackage.json"))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return err
	}
	files := map[string][]emit.File{}
	for _, l := range [][]emit.File{res.Tables, res.Downloads} {
		for _, f := range l {
			if f.Table != "" {
				files[f.Table] = append(files[f.Table], f)
			}
		}
	}
	for _, rs := range pkg.Resources {
		if rs.Format != "csv" || strings.Contains(rs.Path, "/") || rs.Schema == nil {
			continue
		}
		t := datasetTable{Name: rs.Name, Title: rs.Title, Description: rs.Description, Rows: rs.RowCount,
			Fields: rs.Schema.Fields, Key: strings.Join(rs.Schema.PrimaryKey, ", ")}
		f, err := os.Open(filepath.Join(r.dir, rs.Path))
		if err != nil {
			return err
		}
		cr := csv.NewReader(f)
		cr.Read() // header
		for len(t.Preview) < 10 {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			t.Preview = append(t.Preview, rec)
		}
		f.Close()
		ld, _ := json.Marshal(r.schemaDataset(rs, files[rs.Name]))
		if err := r.render("dataset.html", "dataset/"+rs.Name+".html", struct {
			page
			Table    datasetTable
			Files    []emit.File
			Citation string
		}{page{Title: rs.Title, Root: "../", Release: r.rel, JSONLD: template.JS(ld)}, t, files[rs.Name], pkg.Citation}); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) url(rel string) string { return r.o.BaseURL + rel }

// schemaDataset is the schema.org Dataset description of a table, for
// dataset search engines.
func (r *renderer) schemaDataset(rs pkgResource, files []emit.File) map[string]any {
	var dist []map[string]any
	for _, f := range files {
		dist = append(dist, map[string]any{"@type": "DataDownload", "encodingFormat": f.Format, "contentUrl": r.url(f.Path), "contentSize": fmt.Sprint(f.Bytes)})
	}
	var vars []string
	if rs.Schema != nil {
		for _, f := range rs.Schema.Fields {
			vars = append(vars, f.Name)
		}
	}
	return map[string]any{
		"@context": "https://schema.org", "@type": "Dataset",
		"name": rs.Title, "description": rs.Description, "url": r.url("dataset/" + rs.Name + ".html"),
		"license": "https://creativecommons.org/licenses/by/4.0/", "isAccessibleForFree": true,
		"keywords":     []string{"budget", "预算", "决算", "China", "public finance"},
		"creator":      map[string]any{"@type": "Organization", "name": "budgetpub"},
		"dateModified": r.o.Updated.UTC().Format("2006-01-02"), "variableMeasured": vars, "distribution": dist,
		"version": r.rel.Name,
	}
}

// machine writes catalog.jsonld (DCAT-AP), feed.atom, sitemap.xml and robots.txt.
func (r *renderer) machine(res *emit.Result) error {
	modified := r.o.Updated.UTC().Format(time.RFC3339)
	byTable := map[string][]emit.File{}
	for _, l := range [][]emit.File{res.Tables, res.Downloads} {
		for _, f := range l {
			byTable[f.Table] = append(byTable[f.Table], f)
		}
	}
	tables := make([]string, 0, len(byTable))
	for t := range byTable {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	var datasets []map[string]any
	for _, t := range tables {
		var dists []map[string]any
		for _, f := range byTable[t] {
			dists = append(dists, map[string]any{
				"@type": "dcat:Distribution", "dcat:downloadURL": map[string]string{"@id": r.url(f.Path)},
				"dct:format": f.Format, "dcat:byteSize": map[string]any{"@value": fmt.Sprint(f.Bytes), "@type": "xsd:decimal"},
				"spdx:checksum": map[string]any{"@type": "spdx:Checksum", "spdx:algorithm": map[string]string{"@id": "spdx:checksumAlgorithm_sha256"}, "spdx:checksumValue": f.SHA256},
				"dct:license":   map[string]string{"@id": "https://creativecommons.org/licenses/by/4.0/"},
			})
		}
		id := r.url("dataset/" + t + ".html")
		if t == "" {
			t, id = "all", r.url("index.html")
		}
		datasets = append(datasets, map[string]any{
			"@id": id, "@type": "dcat:Dataset", "dct:identifier": "budgetpub-" + t,
			"dct:title":       map[string]string{"@value": "budgetpub: " + t, "@language": "en"},
			"dct:description": map[string]string{"@value": "Table " + t + " of Chinese government department budgets and final accounts (部门预算决算)", "@language": "en"},
			"dct:modified":    map[string]string{"@value": modified, "@type": "xsd:dateTime"},
			"dcat:keyword":    []string{"budget", "预算", "决算"}, "dcat:distribution": dists,
			"dct:publisher": map[string]any{"@type": "foaf:Agent", "foaf:name": "budgetpub"},
		})
	}
	catalog := map[string]any{
		"@context": map[string]string{"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/", "spdx": "http://spdx.org/rdf/terms#", "xsd": "http://www.w3.org/2001/XMLSchema#"},
		"@id":      r.url("catalog.jsonld"), "@type": "dcat:Catalog",
		"dct:title":       map[string]string{"@value": "budgetpub — department budgets and final accounts 部门预算决算公开数据", "@language": "en"},
		"dct:description": map[string]string{"@value": "Open data extracted from Chinese government department budget and final-accounts disclosures.", "@language": "en"},
		"dct:publisher":   map[string]any{"@type": "foaf:Agent", "foaf:name": "budgetpub"},
		"dct:modified":    map[string]string{"@value": modified, "@type": "xsd:dateTime"},
		"foaf:homepage":   map[string]string{"@id": r.url("index.html")},
		"dcat:dataset":    datasets,
	}
	data, _ := json.MarshalIndent(catalog, "", "  ")
	if err := emit.WriteNew(filepath.Join(r.dir, "catalog.jsonld"), append(data, '\n')); err != nil {
		return err
	}
	if err := r.feed(modified); err != nil {
		return err
	}
	var sm strings.Builder
	sm.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	pages := append([]string(nil), r.pages...)
	sort.Strings(pages)
	for _, p := range pages {
		if p == "404.html" {
			continue
		}
		sm.WriteString("<url><loc>")
		xml.EscapeText(&sm, []byte(r.url(p)))
		sm.WriteString("</loc></url>\n")
	}
	sm.WriteString("</urlset>\n")
	if err := emit.WriteNew(filepath.Join(r.dir, "sitemap.xml"), []byte(sm.String())); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\nDisallow: /releases/\nSitemap: " + r.url("sitemap.xml") + "\n"
	return emit.WriteNew(filepath.Join(r.dir, "robots.txt"), []byte(robots))
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// feed lists the disclosures this release added or changed (all of them in
// a first release).
func (r *renderer) feed(modified string) error {
	changed := map[string]string{}
	for _, id := range r.rel.Changes.Added {
		changed[id] = "新增 added"
	}
	for _, c := range r.rel.Changes.Changed {
		changed[c.ID] = fmt.Sprintf("更新 changed: %d figures moved, %d checks new, %d checks gone", len(c.Figures), len(c.ChecksAdded), len(c.ChecksRemoved))
	}
	f := atomFeed{Title: "budgetpub — 部门预算决算公开数据", ID: r.url("feed.atom"), Updated: modified, Author: "budgetpub",
		Links: []atomLink{{Href: r.url("feed.atom"), Rel: "self"}, {Href: r.url("index.html")}}}
	for _, d := range r.summaries.refs {
		what, ok := changed[d.ID]
		if !ok && !r.rel.Changes.Initial {
			continue
		}
		if !ok {
			what = "首次发布 first release"
		}
		f.Entries = append(f.Entries, atomEntry{Title: d.Title, ID: r.url("doc/" + d.ID + ".html"), Updated: modified,
			Link: atomLink{Href: r.url("doc/" + d.ID + ".html")}, Summary: fmt.Sprintf("%s; %d checks", what, d.Checks)})
	}
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return emit.WriteNew(filepath.Join(r.dir, "feed.atom"), append([]byte(xml.Header), append(data, '\n')...))
}
