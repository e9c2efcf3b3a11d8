// Package contractdb holds the tests of contract.SQLStore against real
// databases: PostgreSQL through github.com/jackc/pgx/v5/stdlib, and SQLite
// through modernc.org/sqlite (pure Go), on a temporary file.
//
// The PostgreSQL tests read the connection string from CERTLIFE_PG_DSN,
// which
//
//	eval "$(bash .ci/postgres start)"
//
// sets for a private cluster (bash .ci/postgres stop removes it). Without
// it they skip with the reason, unless CI=true, where they fail. The SQLite
// tests always run.
//
// What they prove on the real servers: one issuance per contract among 200
// goroutines on separate connections racing on 1 000 contracts (CT-5); a
// connection killed mid-insert, with pg_terminate_backend while its
// transaction is open, loses nothing and duplicates nothing; a commit whose
// acknowledgement is lost (a proxy cuts the connection between the
// server's commit and its reply) is returned to the retry with the same
// key, not refused; and the Store contract and the whole Ledger lifecycle
// behave as they do in memory.
package contractdb
