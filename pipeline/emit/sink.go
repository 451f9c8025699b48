package emit

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"os"
	"path/filepath"
	"sync"
)

// sinkBuffer is the size of a file's buffer; sinkQueue, how many full
// buffers may wait for the flusher before a write waits for it.
const (
	sinkBuffer = 1 << 16
	sinkQueue  = 32
)

// flusher writes the full buffers of a Writer's files (sinks) and hashes
// them (sha256), on a goroutine of its own and in the order they come:
// the kernel's copy of a table's bytes and their hash run beside the rows
// that make the next ones, and no file is read back to be hashed. The
// buffers waiting are at most sinkQueue, so a writer faster than the disk
// waits for it.
type flusher struct {
	jobs chan flush
	free chan []byte // buffers written, for the next ones to fill
	done chan struct{}
	stop sync.Once
}

// flush is a buffer of a sink to write; end says it is the sink's last:
// the file is then closed and its error sent on end.
type flush struct {
	s   *sink
	b   []byte
	end chan error
}

func newFlusher() *flusher {
	fl := &flusher{jobs: make(chan flush, sinkQueue), free: make(chan []byte, sinkQueue+1), done: make(chan struct{})}
	go func() {
		defer close(fl.done)
		for j := range fl.jobs {
			s := j.s
			if s.err == nil && len(j.b) > 0 {
				_, s.err = s.f.Write(j.b)
				s.h.Write(j.b)
				s.n += int64(len(j.b))
			}
			select {
			case fl.free <- j.b[:0]:
			default:
			}
			if j.end != nil {
				err := s.f.Close()
				if s.err == nil {
					s.err = err
				}
				j.end <- s.err
			}
		}
	}()
	return fl
}

// close stops the flusher once the buffers queued are written.
func (fl *flusher) close() {
	fl.stop.Do(func() { close(fl.jobs) })
	<-fl.done
}

// buffer is an empty buffer to fill.
func (fl *flusher) buffer() []byte {
	select {
	case b := <-fl.free:
		return b
	default:
		return make([]byte, 0, sinkBuffer)
	}
}

// sink is a new file written through a buffer that the flusher writes
// and hashes: its File is known when it is closed.
type sink struct {
	fl  *flusher
	rel string
	buf []byte
	// the flusher's, read once the sink is closed
	f   *os.File
	h   hash.Hash
	n   int64
	err error
}

// createSink creates the file rel of dir as a new file (CreateNew).
func (fl *flusher) createSink(dir, rel string) (*sink, error) {
	f, err := CreateNew(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	return &sink{fl: fl, rel: rel, buf: fl.buffer(), f: f, h: sha256.New()}, nil
}

// Write copies p into the buffer, handing each buffer filled to the
// flusher. An error of the file's is the close's.
func (s *sink) Write(p []byte) (int, error) {
	if s.buf == nil {
		return 0, errClosedSink
	}
	n := len(p)
	for len(p) > 0 {
		k := copy(s.buf[len(s.buf):cap(s.buf)], p)
		s.buf, p = s.buf[:len(s.buf)+k], p[k:]
		if len(s.buf) == cap(s.buf) {
			s.fl.jobs <- flush{s: s, b: s.buf}
			s.buf = s.fl.buffer()
		}
	}
	return n, nil
}

var errClosedSink = errors.New("write to a closed file")

// close writes what is left and closes the file: its File (size and
// sha256) and the first error of its writes.
func (s *sink) close() (File, error) {
	if s.buf == nil {
		return File{}, errClosedSink
	}
	end := make(chan error, 1)
	s.fl.jobs <- flush{s: s, b: s.buf, end: end}
	s.buf = nil
	if err := <-end; err != nil {
		return File{}, err
	}
	return File{Path: s.rel, Bytes: s.n, SHA256: hex.EncodeToString(s.h.Sum(nil))}, nil
}

// abort closes the file, if it is open, ignoring what it holds.
func (s *sink) abort() {
	if s != nil && s.buf != nil {
		s.close()
	}
}
