package contractdb

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/certlife/certlife/contract"
)

// BenchmarkLedgerIssue measures Ledger.Issue on each database: one op is
// one issuance of a new contract (an INSERT that inserts), with 1 and 8
// clients issuing at once on their own connections, and one refused
// second issuance (an INSERT that conflicts, and the read of the row in
// the way). issuances/s is the throughput of all clients together.
// SQLite runs in WAL mode with synchronous=NORMAL, and with FULL, its
// default, which syncs the log on every commit; the PostgreSQL cluster of
// .ci/postgres runs with fsync off, so its figures are those of the
// server's work, not of a disk.
//
//	eval "$(bash .ci/postgres start)"
//	go test -run '^$' -bench LedgerIssue -benchmem ./peers/contractdb
func BenchmarkLedgerIssue(b *testing.B) {
	at := jst(2026, 5, 11, 10, 0, 0, 0)
	full := dbCase{"sqlite-synchronous-full", contract.DialectSQLite, func(t testing.TB) *sql.DB { return openSQLiteSync(t, "FULL") }}
	for _, d := range append(databases, full) {
		b.Run(d.name, func(b *testing.B) {
			db := d.open(b)
			for _, clients := range []int{1, 8} {
				b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
					s := newTable(b, db, d.dialect)
					db.SetMaxOpenConns(clients)
					db.SetMaxIdleConns(clients)
					l := contract.Ledger{Store: s}
					var next atomic.Int64
					var wg sync.WaitGroup
					errs := make(chan error, clients)
					b.ReportAllocs()
					b.ResetTimer()
					for range clients {
						wg.Add(1)
						go func() {
							defer wg.Done()
							for {
								i := next.Add(1)
								if i > int64(b.N) {
									return
								}
								if _, err := l.Issue(bg, fmt.Sprintf("C-%08d", i), "job-1", at); err != nil {
									errs <- err
									return
								}
							}
						}()
					}
					wg.Wait()
					b.StopTimer()
					close(errs)
					if err := <-errs; err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "issuances/s")
				})
			}
			b.Run("refused", func(b *testing.B) {
				s := newTable(b, db, d.dialect)
				db.SetMaxOpenConns(1)
				l := contract.Ledger{Store: s}
				if _, err := l.Issue(bg, "C-1", "job-1", at); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := l.Issue(bg, "C-1", "job-2", at); !errors.Is(err, contract.ErrAlreadyIssued) {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
