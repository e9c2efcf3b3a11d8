package contractdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

var bg = context.Background()

// jst returns the instant y-m-d h:mi:s.ns in JST.
func jst(y int, m time.Month, d, h, mi, s, ns int) time.Time {
	return time.Date(y, m, d, h, mi, s, ns, tz.JST)
}

// pgDSN returns the PostgreSQL connection string, or skips the test with
// the reason; under CI=true a missing server fails it.
func pgDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("CERTLIFE_PG_DSN")
	if dsn == "" {
		msg := `CERTLIFE_PG_DSN is empty: start a server with eval "$(bash .ci/postgres start)"`
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (required under CI=true)")
		}
		t.Skip(msg)
	}
	return dsn
}

// openPG opens the PostgreSQL database and checks that it answers.
func openPG(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", pgDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("PostgreSQL at CERTLIFE_PG_DSN does not answer: %v", err)
	}
	return db
}

// openSQLite opens a new SQLite database in a temporary file, in WAL
// mode with synchronous=NORMAL (a commit survives the program's crash, not
// a power cut: no fsync per commit), whose writers wait for each other for
// up to 10 s.
func openSQLite(t testing.TB) *sql.DB {
	t.Helper()
	return openSQLiteSync(t, "NORMAL")
}

// openSQLiteSync is openSQLite with the given synchronous setting; FULL,
// SQLite's default, syncs the log on every commit.
func openSQLiteSync(t testing.TB, synchronous string) *sql.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ledger.sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous("+synchronous+")")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var tables atomic.Int64

// newTable creates a fresh issuance table for one test, dropped at its
// end, so that tests sharing the PostgreSQL database do not meet.
func newTable(t testing.TB, db *sql.DB, d contract.Dialect) contract.SQLStore {
	t.Helper()
	name := fmt.Sprintf("issuance_%d_%d", os.Getpid(), tables.Add(1))
	s := contract.SQLStore{DB: db, Dialect: d, Table: name}
	if err := s.CreateTable(bg); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Exec("DROP TABLE " + name) })
	return s
}

// dbCase is one database to run a test on.
type dbCase struct {
	name    string
	dialect contract.Dialect
	open    func(testing.TB) *sql.DB
}

var databases = []dbCase{
	{"sqlite", contract.DialectSQLite, func(t testing.TB) *sql.DB { return openSQLite(t) }},
	{"postgresql", contract.DialectPostgreSQL, func(t testing.TB) *sql.DB { return openPG(t) }},
}

// each runs f on a fresh table in each database.
func each(t *testing.T, f func(t *testing.T, s contract.SQLStore)) {
	for _, d := range databases {
		t.Run(d.name, func(t *testing.T) {
			db := d.open(t)
			f(t, newTable(t, db, d.dialect))
		})
	}
}

// count returns the number of rows of s's table, and of distinct contracts.
func count(t testing.TB, s contract.SQLStore) (rows, contracts int) {
	t.Helper()
	err := s.DB.QueryRowContext(bg, "SELECT count(*), count(DISTINCT contract_id) FROM "+s.Table).Scan(&rows, &contracts)
	if err != nil {
		t.Fatal(err)
	}
	return rows, contracts
}
