package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Errors a fetch can end with, besides the network's own.
var (
	ErrRobots       = errors.New("disallowed by robots.txt")
	ErrTooLarge     = errors.New("larger than the size cap")
	ErrRedirects    = errors.New("too many redirects")
	ErrTimeout      = errors.New("timed out")
	errNotModified  = errors.New("304 Not Modified to a request that was not conditional")
	maxBackoff      = time.Minute      // a retry never waits longer, whatever Retry-After says
	maxCrawlDelay   = time.Minute      // a robots.txt Crawl-delay is honoured up to this
	maxRobotsBytes  = int64(512 << 10) // RFC 9309 asks for at least 500 KiB
	robotsRedirects = 5                // RFC 9309 asks to follow at least five
)

// host is what is known of one scheme://host:port in a run: its request
// slots, when the next request may start, and its robots.txt.
type host struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time
	delay time.Duration

	robotsOnce sync.Once
	robots     *robots
}

// acquire waits for a slot and for the host's interval since the last
// request started; the caller calls release when its request is done.
func (h *host) acquire(ctx context.Context) (release func(), err error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(h.delay)
	h.mu.Unlock()
	if err := sleep(ctx, start.Sub(now)); err != nil {
		<-h.slots
		return nil, err
	}
	return func() { <-h.slots }, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// response is the outcome of one GET, its body (a 200's) in the archive's
// tmp folder.
type response struct {
	status int
	final  *url.URL
	header http.Header
	body   *download
}

// client does the HTTP of a run: politely (per-host slots and interval,
// robots.txt, a User-Agent), and robustly (timeouts, retries, a size cap,
// bounded redirects).
type client struct {
	o     Options
	http  *http.Client
	arch  *archive
	mu    sync.Mutex
	hosts map[string]*host

	reqMu    sync.Mutex
	requests int
}

func newClient(o Options, a *archive) *client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxConnsPerHost = o.PerHost
	return &client{
		o:     o,
		arch:  a,
		hosts: map[string]*host{},
		http: &http.Client{
			Transport: t,
			// redirects are followed by get, each hop through the host's
			// slots and robots.txt
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

func (c *client) host(u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{slots: make(chan struct{}, c.o.PerHost), delay: c.o.Interval}
		c.hosts[key] = h
	}
	return h
}

// allowed fetches the host's robots.txt once per run and tells whether it
// allows u. A robots.txt that does not exist (4xx) allows everything; one
// that cannot be read (5xx, network errors) allows nothing, as RFC 9309
// asks.
func (c *client) allowed(ctx context.Context, u *url.URL) bool {
	h := c.host(u)
	h.robotsOnce.Do(func() {
		h.robots = c.readRobots(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
		if d := min(h.robots.crawlDelay, maxCrawlDelay); d > h.delay {
			h.mu.Lock()
			h.delay = d
			h.mu.Unlock()
		}
	})
	return h.robots.allowed(u)
}

func (c *client) readRobots(ctx context.Context, u *url.URL) *robots {
	o := c.o
	o.MaxBytes, o.MaxRedirects = maxRobotsBytes, robotsRedirects
	r, err := c.get(ctx, u, Record{}, false, o)
	if err != nil && r != nil && r.status >= 400 && r.status < 500 {
		return allowAll
	}
	if err != nil {
		c.o.Log.Warn("robots.txt unreadable: the host is not fetched", "url", u.String(), "error", err.Error())
		return disallowAll(err)
	}
	defer r.body.discard()
	data, err := os.ReadFile(r.body.f.Name())
	if err != nil {
		return disallowAll(err)
	}
	return parseRobots(data, productToken)
}

// get fetches u, following redirects (each hop checked against robots.txt
// unless u is a robots.txt itself), sending the validators of cond when
// conditional. It returns the last response (nil when there was none) and
// an error for anything but a 200 or a 304.
func (c *client) get(ctx context.Context, u *url.URL, cond Record, conditional bool, o Options) (*response, error) {
	cur := u
	robotsFile := u.Path == "/robots.txt"
	for hop := 0; ; hop++ {
		if !robotsFile && !c.allowed(ctx, cur) {
			if why := c.host(cur).robots.unread; why != "" {
				return &response{final: cur}, fmt.Errorf("robots.txt unreadable (%s): the host is not fetched", why)
			}
			return &response{final: cur}, ErrRobots
		}
		r, err := c.retrying(ctx, cur, cond, conditional, o)
		if err != nil {
			return r, err
		}
		loc := r.header.Get("Location")
		switch {
		case r.status == http.StatusOK:
			return r, nil
		case r.status == http.StatusNotModified && conditional:
			return r, nil
		case r.status == http.StatusNotModified:
			return r, errNotModified
		case r.status >= 300 && r.status < 400 && loc != "":
			if hop >= o.MaxRedirects {
				return r, fmt.Errorf("%w (more than %d; the last to %s)", ErrRedirects, o.MaxRedirects, loc)
			}
			next, err := cur.Parse(loc)
			if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
				return r, fmt.Errorf("redirect to %q, which is not an http(s) URL", loc)
			}
			next.Fragment, next.RawFragment = "", ""
			cur = next
		default:
			return r, fmt.Errorf("HTTP %d %s", r.status, http.StatusText(r.status))
		}
	}
}

// retrying makes one request, again after a growing wait when the server
// failed (5xx, 429) or the connection was reset — at most o.Retries times
// more. Timeouts are not retried: a slow host would hold the run up.
func (c *client) retrying(ctx context.Context, u *url.URL, cond Record, conditional bool, o Options) (*response, error) {
	wait := o.Backoff
	for i := 0; ; i++ {
		r, err := c.once(ctx, u, cond, conditional, o)
		again := err != nil && retryable(err) || err == nil && retryableStatus(r.status)
		if !again || i >= o.Retries {
			return r, err
		}
		if r != nil {
			if s, err := strconv.Atoi(r.header.Get("Retry-After")); err == nil && time.Duration(s)*time.Second > wait {
				wait = time.Duration(s) * time.Second
			}
		}
		if err := sleep(ctx, min(wait, maxBackoff)); err != nil {
			return r, err
		}
		wait *= 2
	}
}

func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusInternalServerError ||
		status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
}

// retryable tells a dropped connection (reset, closed before or while the
// response came) from errors that another try would repeat.
func retryable(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// once makes one request, within the host's slots and interval and the
// timeout (which covers the body), and reads a 200's body into the
// archive's tmp folder, up to the size cap.
func (c *client) once(ctx context.Context, u *url.URL, cond Record, conditional bool, o Options) (*response, error) {
	release, err := c.host(u).acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", o.UserAgent)
	if conditional {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	c.reqMu.Lock()
	c.requests++
	c.reqMu.Unlock()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, timeoutError(rctx, ctx, o, err)
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, final: u, header: resp.Header}
	if resp.StatusCode != http.StatusOK {
		return r, nil
	}
	if resp.ContentLength > o.MaxBytes {
		return r, fmt.Errorf("%w: %d bytes announced, the cap is %d", ErrTooLarge, resp.ContentLength, o.MaxBytes)
	}
	dl, err := c.arch.newDownload()
	if err != nil {
		return r, err
	}
	if _, err := io.Copy(dl, io.LimitReader(resp.Body, o.MaxBytes+1)); err != nil {
		dl.discard()
		return r, timeoutError(rctx, ctx, o, err)
	}
	if dl.n > o.MaxBytes {
		dl.discard()
		return r, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, o.MaxBytes)
	}
	r.body = dl
	return r, nil
}

// timeoutError names a request that ran out of its time as such.
func timeoutError(rctx, ctx context.Context, o Options, err error) error {
	if ctx.Err() == nil && errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w after %v", ErrTimeout, o.Timeout)
	}
	return err
}
