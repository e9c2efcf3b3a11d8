package contractdb

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
)

// race has clients goroutines, each on its own connection (a *sql.Conn,
// one database session), issue certificates for contracts contracts: each
// contract is tried by tries different clients under their own keys, all
// walking the contracts in the same order from one start signal, so that
// the tries of a contract meet. It checks that each contract got exactly
// one issuance, the one recorded, and that the others were refused.
func race(t *testing.T, s contract.SQLStore, db *sql.DB, clients, contracts, tries int) {
	t.Helper()
	db.SetMaxOpenConns(clients + 2)
	db.SetMaxIdleConns(clients + 2)
	// Open the connections at once: a PostgreSQL backend takes
	// milliseconds of CPU to start.
	conns := make([]*sql.Conn, clients)
	errs := make([]error, clients)
	var open sync.WaitGroup
	for i := range conns {
		open.Add(1)
		go func() {
			defer open.Done()
			conns[i], errs[i] = db.Conn(bg)
		}()
	}
	open.Wait()
	for i, c := range conns {
		if errs[i] != nil {
			t.Fatalf("connection %d: %v", i, errs[i])
		}
		defer c.Close()
	}
	at := jst(2026, 5, 11, 10, 0, 0, 0)
	type result struct {
		iss contract.Issuance
		err error
	}
	results := make([][]result, contracts) // by contract
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for g := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			store := s
			store.DB = conns[g]
			l := contract.Ledger{Store: store}
			<-start
			for c := range contracts {
				// Client g tries contract c when it is one of the tries
				// clients after c*tries.
				if (g-c*tries%clients+clients)%clients >= tries {
					continue
				}
				iss, err := l.Issue(bg, fmt.Sprintf("C-%04d", c), fmt.Sprintf("client-%03d", g), at.Add(time.Duration(g)*time.Microsecond))
				mu.Lock()
				results[c] = append(results[c], result{iss, err})
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()

	for c, rs := range results {
		id := fmt.Sprintf("C-%04d", c)
		var won []contract.Issuance
		for _, r := range rs {
			switch {
			case r.err == nil:
				won = append(won, r.iss)
			case errors.Is(r.err, contract.ErrAlreadyIssued):
			default:
				t.Fatalf("CT-5 %s: %v", id, r.err)
			}
		}
		if len(rs) != tries || len(won) != 1 {
			t.Fatalf("CT-5 %s: %d tries, %d issued; want %d tries, 1 issued", id, len(rs), len(won), tries)
		}
		list, err := s.Issuances(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Key != won[0].Key {
			t.Fatalf("CT-5 %s: recorded %v, but %v won", id, list, won[0])
		}
	}
	if rows, n := count(t, s); rows != contracts || n != contracts {
		t.Fatalf("CT-5 the table holds %d rows for %d contracts, want %d for %d", rows, n, contracts, contracts)
	}
}

// TestCT5RacePostgreSQL: 200 clients on 200 connections race on 1 000
// contracts, 4 tries each: 4 000 issuances tried, 1 000 recorded. It takes
// a few seconds, most of them the server starting 200 backends.
func TestCT5RacePostgreSQL(t *testing.T) {
	db := openPG(t)
	race(t, newTable(t, db, contract.DialectPostgreSQL), db, 200, 1000, 4)
}

// TestCT5RaceSQLite: SQLite has one writer at a time, the others wait
// (busy_timeout); 4 clients on 4 connections race on 100 contracts, 2
// tries each (modernc.org/sqlite is slow under the race detector).
func TestCT5RaceSQLite(t *testing.T) {
	db := openSQLite(t)
	race(t, newTable(t, db, contract.DialectSQLite), db, 4, 100, 2)
}
