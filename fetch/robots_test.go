package fetch

import (
	"net/url"
	"testing"
	"time"
)

func TestRobotsRules(t *testing.T) {
	const txt = `# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open/
Disallow: /*.xls$
Disallow: /tmp

User-agent: BudgetPub
User-agent: other
Disallow: /zwgk/内部/
Allow: /zwgk/内部/公开
Crawl-delay: 2.5
Disallow: /a*b$
Disallow: /same
Allow: /same
`
	ours := parseRobots([]byte(txt), productToken)
	star := parseRobots([]byte(txt), "somebot")
	for _, c := range []struct {
		r    *robots
		path string
		want bool
	}{
		{star, "/index.html", true},
		{star, "/private/x.html", false},
		{star, "/private/open/x.html", true}, // the longer rule wins
		{star, "/files/a.xls", false},
		{star, "/files/a.xls?x=1", true}, // $ anchors the end
		{star, "/tmp/x", false},
		{star, "/tmpfile", false}, // a prefix
		{star, "/robots.txt", true},
		{ours, "/private/x.html", true}, // our own group replaces *'s
		{ours, "/zwgk/%E5%86%85%E9%83%A8/a.html", false},
		{ours, "/zwgk/%E5%86%85%E9%83%A8/%E5%85%AC%E5%BC%80.html", true},
		{ours, "/a/x/b", false},
		{ours, "/a/x/b/c", true},
		{ours, "/same", true}, // allow wins a tie
		{allowAll, "/x", true},
	} {
		u, _ := url.Parse("http://h" + c.path)
		if got := c.r.allowed(u); got != c.want {
			t.Errorf("%s: %v, want %v", c.path, got, c.want)
		}
	}
	if ours.crawlDelay != 2500*time.Millisecond || star.crawlDelay != 0 {
		t.Errorf("crawl-delay %v %v", ours.crawlDelay, star.crawlDelay)
	}
	if r := parseRobots([]byte("User-agent: Googlebot\nDisallow: /\n"), productToken); !r.allowed(&url.URL{Path: "/x"}) {
		t.Error("no group for us or * allows everything")
	}
}
