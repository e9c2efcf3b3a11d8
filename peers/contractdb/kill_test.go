package contractdb

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// pid returns the server process ID of a connection.
func pid(t *testing.T, c *sql.Conn) int {
	t.Helper()
	var p int
	if err := c.QueryRowContext(bg, "SELECT pg_backend_pid()").Scan(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitForLock waits until the backend p is waiting for a lock: an insert
// blocked behind another transaction's insert of the same key. It polls
// pg_stat_activity for up to 10 s.
func waitForLock(t *testing.T, db *sql.DB, p int) {
	t.Helper()
	for range 1000 {
		var waiting bool
		err := db.QueryRowContext(bg, "SELECT coalesce(wait_event_type = 'Lock', false) FROM pg_stat_activity WHERE pid = $1", p).Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
		if waiting {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("backend %d never waited for a lock", p)
}

func terminate(t *testing.T, db *sql.DB, p int) {
	t.Helper()
	var ok bool
	if err := db.QueryRowContext(bg, "SELECT pg_terminate_backend($1)", p).Scan(&ok); err != nil || !ok {
		t.Fatalf("pg_terminate_backend(%d) = %v, %v", p, ok, err)
	}
}

type issued struct {
	iss contract.Issuance
	err error
}

// issueOn issues in the background on connection c and reports on the
// returned channel.
func issueOn(s contract.SQLStore, c contract.SQLDB, id, key string, at time.Time) <-chan issued {
	ch := make(chan issued, 1)
	s.DB = c
	go func() {
		iss, err := (&contract.Ledger{Store: s}).Issue(bg, id, key, at)
		ch <- issued{iss, err}
	}()
	return ch
}

// TestKilledConnectionsPostgreSQL kills connections in the middle of
// issuing, with pg_terminate_backend from another connection, and checks
// that nothing is lost and nothing duplicated (CT-5).
func TestKilledConnectionsPostgreSQL(t *testing.T) {
	db := openPG(t)
	s := newTable(t, db, contract.DialectPostgreSQL)
	at := jst(2026, 5, 11, 10, 0, 0, 0)
	conn := func() *sql.Conn {
		c, err := db.Conn(bg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	rowsOf := func(id string) []contract.Issuance {
		t.Helper()
		list, err := s.Issuances(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	direct := contract.Ledger{Store: s}

	t.Run("CT-5 the holder of an open insert is killed: the waiting insert wins, the retry is refused", func(t *testing.T) {
		a, b := conn(), conn()
		pa, pb := pid(t, a), pid(t, b)
		txA, err := a.BeginTx(bg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r := <-issueOn(s, txA, "C-K1", "key-A", at); r.err != nil {
			t.Fatal(r.err)
		}
		waiter := issueOn(s, b, "C-K1", "key-B", at.Add(time.Second))
		waitForLock(t, db, pb)
		terminate(t, db, pa)
		r := <-waiter
		if r.err != nil || r.iss.Key != "key-B" {
			t.Fatalf("the waiting insert = %v, %v; want it issued under key-B", r.iss, r.err)
		}
		if err := txA.Commit(); err == nil {
			t.Fatal("the killed transaction committed")
		}
		_, err = direct.Issue(bg, "C-K1", "key-A", at)
		var ie *contract.IssueError
		if !errors.As(err, &ie) || ie.Issued.Key != "key-B" {
			t.Errorf("the retry of the killed issuance = %v, want refused with key-B's issuance", err)
		}
		if list := rowsOf("C-K1"); len(list) != 1 || list[0].Key != "key-B" {
			t.Errorf("recorded %v, want key-B's issuance only", list)
		}
	})

	t.Run("CT-5 an insert killed while it waits: the holder commits, the retry is refused", func(t *testing.T) {
		a, b := conn(), conn()
		pb := pid(t, b)
		txA, err := a.BeginTx(bg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r := <-issueOn(s, txA, "C-K2", "key-A", at); r.err != nil {
			t.Fatal(r.err)
		}
		waiter := issueOn(s, b, "C-K2", "key-B", at.Add(time.Second))
		waitForLock(t, db, pb)
		terminate(t, db, pb) // mid-insert: its INSERT is running, waiting
		if r := <-waiter; r.err == nil {
			t.Fatalf("the killed insert returned %v", r.iss)
		}
		if err := txA.Commit(); err != nil {
			t.Fatal(err)
		}
		if _, err := direct.Issue(bg, "C-K2", "key-B", at.Add(time.Second)); !errors.Is(err, contract.ErrAlreadyIssued) {
			t.Errorf("the retry of the killed insert = %v, want ErrAlreadyIssued", err)
		}
		if list := rowsOf("C-K2"); len(list) != 1 || list[0].Key != "key-A" {
			t.Errorf("recorded %v, want key-A's issuance only", list)
		}
	})

	t.Run("CT-5 an open insert killed alone leaves nothing; its retry issues once", func(t *testing.T) {
		a := conn()
		pa := pid(t, a)
		txA, err := a.BeginTx(bg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r := <-issueOn(s, txA, "C-K3", "key-A", at); r.err != nil {
			t.Fatal(r.err)
		}
		terminate(t, db, pa)
		if err := txA.Commit(); err == nil {
			t.Fatal("the killed transaction committed")
		}
		if list := rowsOf("C-K3"); len(list) != 0 {
			t.Fatalf("the killed transaction left %v", list)
		}
		for range 2 {
			if iss, err := direct.Issue(bg, "C-K3", "key-A", at); err != nil || iss.Key != "key-A" {
				t.Fatalf("the retry = %v, %v", iss, err)
			}
		}
		if list := rowsOf("C-K3"); len(list) != 1 {
			t.Errorf("recorded %v, want one issuance", list)
		}
	})
}

// TestLostCommitPostgreSQL: the server commits an issuance but the
// connection breaks before the client reads the reply, so Issue reports an
// error although the issuance is recorded. A proxy between the client and
// the server cuts both connections the moment the server's reply to the
// INSERT arrives (CommandComplete "INSERT 0 1" and ReadyForQuery, which
// PostgreSQL sends after the commit), without passing it on. The retry
// with the same key must return the recorded issuance, not
// ErrAlreadyIssued (CT-5, CT-6: a caller who trusted that error would never
// send the certificate, and could not get another).
func TestLostCommitPostgreSQL(t *testing.T) {
	direct := openPG(t)
	s := newTable(t, direct, contract.DialectPostgreSQL)
	cfg, err := pgx.ParseConfig(pgDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	server := "tcp"
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	if strings.HasPrefix(cfg.Host, "/") {
		server, addr = "unix", cfg.Host+"/.s.PGSQL."+strconv.Itoa(int(cfg.Port))
	}
	p := newCommitCutter(t, server, addr)
	cfg.Host, cfg.Port, cfg.Fallbacks, cfg.TLSConfig = "127.0.0.1", uint16(p.port()), nil, nil
	viaProxy := stdlib.OpenDB(*cfg)
	defer viaProxy.Close()
	if err := viaProxy.PingContext(bg); err != nil {
		t.Fatal(err)
	}

	at := jst(2026, 5, 11, 10, 0, 0, 0)
	lossy := s
	lossy.DB = viaProxy
	p.arm()
	_, err = (&contract.Ledger{Store: lossy}).Issue(bg, "C-LOST", "job-1", at)
	if err == nil || errors.Is(err, contract.ErrAlreadyIssued) {
		t.Fatalf("Issue through the cut connection = %v, want a connection error", err)
	}
	if !p.cut() {
		t.Fatal("the proxy did not cut the connection")
	}
	list, err := s.Issuances(bg, "C-LOST")
	if err != nil || len(list) != 1 {
		t.Fatalf("after the cut the server holds %v, %v; want the committed issuance", list, err)
	}
	// The retry, on the same pool (its broken connection discarded) and
	// on another connection.
	for _, db := range []*sql.DB{viaProxy, direct} {
		l := contract.Ledger{Store: contract.SQLStore{DB: db, Dialect: s.Dialect, Table: s.Table}}
		iss, err := l.Issue(bg, "C-LOST", "job-1", at.Add(time.Minute))
		if err != nil {
			t.Fatalf("CT-5 the retry after a lost commit = %v, want the recorded issuance", err)
		}
		if !iss.At.Equal(at) || iss.Key != "job-1" {
			t.Errorf("CT-5 the retry returned %v, want the issuance of %v under job-1", iss, at)
		}
	}
	if _, err := (&contract.Ledger{Store: s}).Issue(bg, "C-LOST", "job-2", at); !errors.Is(err, contract.ErrAlreadyIssued) {
		t.Errorf("CT-5 a new key after a lost commit = %v, want ErrAlreadyIssued", err)
	}
	if list, _ := s.Issuances(bg, "C-LOST"); len(list) != 1 {
		t.Errorf("recorded %v, want one issuance", list)
	}
}

// A commitCutter is a TCP proxy on the loopback in front of a PostgreSQL
// server that, once armed, cuts the connection on which the server
// acknowledges an INSERT of one row, instead of passing the
// acknowledgement on.
type commitCutter struct {
	ln            net.Listener
	network, addr string
	mu            sync.Mutex
	armed, didCut bool
}

func newCommitCutter(t *testing.T, network, addr string) *commitCutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &commitCutter{ln: ln, network: network, addr: addr}
	t.Cleanup(func() { ln.Close() })
	go p.serve()
	return p
}

func (p *commitCutter) port() int { return p.ln.Addr().(*net.TCPAddr).Port }
func (p *commitCutter) arm()      { p.mu.Lock(); p.armed = true; p.mu.Unlock() }
func (p *commitCutter) cut() bool { p.mu.Lock(); defer p.mu.Unlock(); return p.didCut }

func (p *commitCutter) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial(p.network, p.addr)
		if err != nil {
			client.Close()
			continue
		}
		go func() { io.Copy(server, client); server.Close() }()
		go p.relay(server, client)
	}
}

// relay passes the server's messages to the client, one by one: a type
// byte and a length that counts itself. With sslmode=disable there is no
// untyped SSL answer to pass first.
func (p *commitCutter) relay(server, client net.Conn) {
	defer client.Close()
	defer server.Close()
	var held []byte // an "INSERT 0 1" CommandComplete, until ReadyForQuery
	head := make([]byte, 5)
	for {
		if _, err := io.ReadFull(server, head); err != nil {
			return
		}
		msg := make([]byte, 1+binary.BigEndian.Uint32(head[1:]))
		copy(msg, head)
		if _, err := io.ReadFull(server, msg[5:]); err != nil {
			return
		}
		switch {
		case msg[0] == 'C' && strings.HasPrefix(string(msg[5:]), "INSERT 0 1\x00"):
			held = msg
			continue
		case msg[0] == 'Z' && held != nil:
			p.mu.Lock()
			cut := p.armed
			p.armed, p.didCut = false, p.didCut || cut
			p.mu.Unlock()
			if cut {
				return // the commit is done; the client never hears of it
			}
			msg = append(held, msg...)
			held = nil
		}
		if _, err := client.Write(msg); err != nil {
			return
		}
	}
}
