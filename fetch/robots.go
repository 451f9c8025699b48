package fetch

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robots is the part of a robots.txt (RFC 9309) that applies to budgetpub:
// the rules of the groups naming its product token, else those of the
// groups for "*".
type robots struct {
	rules      []rule
	crawlDelay time.Duration // Crawl-delay, not in the RFC but widely used
	unread     string        // why a host that is not fetched had no robots.txt to read
}

type rule struct {
	allow   bool
	pattern string // percent-encoded; may hold * and end with $
}

// allowAll stands for a missing robots.txt (4xx).
var allowAll = &robots{}

// disallowAll stands for a robots.txt that could not be read (5xx, network
// errors: RFC 9309 §2.3.1.4).
func disallowAll(why error) *robots {
	return &robots{rules: []rule{{allow: false, pattern: "/"}}, unread: why.Error()}
}

// parseRobots reads a robots.txt for the crawler whose product token is
// agent (matched case-insensitively, as the RFC asks).
func parseRobots(data []byte, agent string) *robots {
	type group struct {
		agents []string
		r      robots
	}
	var groups []*group
	var cur *group
	inAgents := false // the last line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" {
				cur.r.rules = append(cur.r.rules, rule{allow: key == "allow", pattern: encodePattern(value)})
			}
		case "crawl-delay":
			if s, err := strconv.ParseFloat(value, 64); cur != nil && err == nil && s > 0 {
				cur.r.crawlDelay = time.Duration(s * float64(time.Second))
			}
		}
		inAgents = false
	}
	merge := func(match func(a string) bool) *robots {
		var out *robots
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					if out == nil {
						out = &robots{}
					}
					out.rules = append(out.rules, g.r.rules...)
					out.crawlDelay = max(out.crawlDelay, g.r.crawlDelay)
					break
				}
			}
		}
		return out
	}
	agent = strings.ToLower(agent)
	if r := merge(func(a string) bool { return a == agent }); r != nil {
		return r
	}
	if r := merge(func(a string) bool { return a == "*" }); r != nil {
		return r
	}
	return allowAll
}

// encodePattern percent-encodes what a URL's escaped path would encode
// (non-ASCII bytes, spaces), so that a rule written in UTF-8 matches.
func encodePattern(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 0x80 || c == ' ' {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// allowed tells whether u may be fetched: the longest matching rule wins,
// and allow wins a tie; /robots.txt itself is always allowed.
func (r *robots) allowed(u *url.URL) bool {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == "/robots.txt" {
		return true
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, ru := range r.rules {
		if len(ru.pattern) < best || !matchPattern(ru.pattern, p) {
			continue
		}
		if len(ru.pattern) > best || ru.allow {
			best, allow = len(ru.pattern), ru.allow
		}
	}
	return allow
}

// matchPattern matches a robots.txt path pattern: a prefix, where * stands
// for any characters and a final $ anchors the end.
func matchPattern(pattern, p string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	rest := p[len(parts[0]):]
	for i, part := range parts[1:] {
		if anchored && i == len(parts)-2 {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return !anchored || rest == ""
}
