package contract

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A Dialect is the SQL dialect of the database behind an [SQLStore]: its
// placeholders, its column types and how it stores instants.
type Dialect int

const (
	// DialectPostgreSQL is PostgreSQL 9.5 or later ($1 placeholders,
	// INSERT ... ON CONFLICT DO NOTHING, timestamptz), with any
	// database/sql driver such as github.com/jackc/pgx/v5/stdlib or
	// github.com/lib/pq. Tested against PostgreSQL 15.
	DialectPostgreSQL Dialect = iota + 1
	// DialectSQLite is SQLite 3.24 or later (?1 placeholders, the same
	// upsert clause, instants as RFC 3339 text in UTC), with any
	// database/sql driver such as modernc.org/sqlite or
	// github.com/mattn/go-sqlite3. Tested with modernc.org/sqlite. Give
	// the connection a busy timeout (modernc.org/sqlite:
	// "?_pragma=busy_timeout(5000)") so that concurrent writers wait for
	// each other instead of failing with SQLITE_BUSY.
	DialectSQLite
)

// String returns "postgresql", "sqlite", or "Dialect(n)" for other values.
func (d Dialect) String() string {
	switch d {
	case DialectPostgreSQL:
		return "postgresql"
	case DialectSQLite:
		return "sqlite"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// SQLDB is what an [SQLStore] runs its statements on: a [*sql.DB], or a
// [*sql.Conn] or [*sql.Tx] to make the issuance part of the caller's own
// transaction.
type SQLDB interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DefaultTable is the table an [SQLStore] uses when its Table is empty.
const DefaultTable = "certlife_issuance"

// An SQLStore is a [Store] in a SQL database, through database/sql: the
// store to use when several instances of the back office share the
// ledger. The package imports no driver; the caller opens the database
// with the driver of its choice and names its [Dialect]:
//
//	db, err := sql.Open("pgx", "postgres://ledger@db.internal/backoffice")
//	...
//	store := contract.SQLStore{DB: db, Dialect: contract.DialectPostgreSQL}
//	if err := store.CreateTable(ctx); err != nil { ... }
//	ledger := contract.Ledger{Store: store}
//
// # Schema
//
// One table ([DefaultTable] unless Table says otherwise), one row per
// issuance. [SQLStore.Schema] returns its CREATE TABLE statement and
// [SQLStore.CreateTable] runs it. For PostgreSQL:
//
//	CREATE TABLE IF NOT EXISTS certlife_issuance (
//		contract_id   text        NOT NULL CHECK (contract_id <> ''),
//		generation    integer     NOT NULL CHECK (generation >= 1),
//		issue_key     text        NOT NULL CHECK (issue_key <> ''),
//		issued_at     timestamptz NOT NULL,
//		downloaded_at timestamptz,
//		PRIMARY KEY (contract_id, generation),
//		UNIQUE (contract_id, issue_key)
//	)
//
// SQLite has the same columns, with TEXT and INTEGER types, and instants as
// RFC 3339 text in UTC with six fractional digits
// ("2026-05-11T01:00:00.000000Z"), which sorts as time does.
//
// # How it keeps CT-5
//
// The primary key allows one issuance per contract and generation, the
// unique constraint one per contract and idempotency key. InsertIfAbsent
// is one INSERT ... ON CONFLICT DO NOTHING: of concurrent inserts for a
// contract and generation, on any number of connections and machines,
// the database lets one through and makes the others wait for its
// transaction and then do nothing; the store then reads the row that won.
// A connection killed mid-insert rolls its insert back, whole. Each method
// is one statement, or one write and one read, outside any transaction of
// its own; with a [*sql.Tx] as DB, the write becomes part of the caller's
// transaction, and under PostgreSQL's REPEATABLE READ or SERIALIZABLE a
// conflict with a concurrent transaction may fail with a serialization
// error, to be retried as a whole.
//
// Instants are stored to the microsecond, PostgreSQL's resolution: the
// issuance InsertIfAbsent returns has its At truncated so, and all
// instants read back are in UTC.
//
// An SQLStore is a value holding no state of its own; it is safe for
// concurrent use as DB is.
type SQLStore struct {
	// DB runs the statements.
	DB SQLDB
	// Dialect is the database's dialect; it must be set.
	Dialect Dialect
	// Table names the table, optionally qualified by a schema
	// ("backoffice.issuance"): ASCII letters, digits and underscores, not
	// starting with a digit, at most 63 characters a part. It is written
	// into the statements as it is, unquoted. Empty means [DefaultTable].
	Table string
}

// sqlTimeLayout is how SQLite rows hold instants: fixed width, so that
// text order is time order.
const sqlTimeLayout = "2006-01-02T15:04:05.000000Z"

// prepare returns s's table name and a function giving the n-th
// placeholder ($n or ?n, which both dialects let a statement repeat), or
// an InputError naming fn.
func (s SQLStore) prepare(fn string) (table string, ph func(n int) string, err error) {
	table = s.Table
	if table == "" {
		table = DefaultTable
	}
	if !validTable(table) {
		return "", nil, inputError(fn, "invalid table name "+strconv.Quote(table)+": want letters, digits and underscores, optionally schema.table")
	}
	switch s.Dialect {
	case DialectPostgreSQL:
		return table, func(n int) string { return "$" + strconv.Itoa(n) }, nil
	case DialectSQLite:
		return table, func(n int) string { return "?" + strconv.Itoa(n) }, nil
	}
	return "", nil, inputError(fn, "unknown SQL dialect "+s.Dialect.String())
}

// validTable reports whether name is an identifier or schema.identifier
// that needs no quoting.
func validTable(name string) bool {
	parts := strings.Split(name, ".")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 63 || p[0] >= '0' && p[0] <= '9' {
			return false
		}
		for _, r := range p {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// Schema returns the CREATE TABLE IF NOT EXISTS statement of s's table in
// s's dialect, for a migration tool; [SQLStore.CreateTable] runs it. It
// returns an [*InputError] for an unknown dialect or an invalid table name.
func (s SQLStore) Schema() (string, error) {
	table, _, err := s.prepare("SQLStore.Schema")
	if err != nil {
		return "", err
	}
	text, ts, integer := "text", "timestamptz", "integer"
	if s.Dialect == DialectSQLite {
		text, ts, integer = "TEXT", "TEXT", "INTEGER"
	}
	return "CREATE TABLE IF NOT EXISTS " + table + " (\n" +
		"\tcontract_id   " + pad(text) + " NOT NULL CHECK (contract_id <> ''),\n" +
		"\tgeneration    " + pad(integer) + " NOT NULL CHECK (generation >= 1),\n" +
		"\tissue_key     " + pad(text) + " NOT NULL CHECK (issue_key <> ''),\n" +
		"\tissued_at     " + pad(ts) + " NOT NULL,\n" +
		"\tdownloaded_at " + ts + ",\n" +
		"\tPRIMARY KEY (contract_id, generation),\n" +
		"\tUNIQUE (contract_id, issue_key)\n" +
		")", nil
}

// pad pads a column type to the width of the longest, timestamptz.
func pad(s string) string { return s + strings.Repeat(" ", len("timestamptz")-len(s)) }

// CreateTable creates s's table if it does not exist, with the statement
// [SQLStore.Schema] returns. It does not change a table that exists. It
// returns an [*InputError] for an unknown dialect or an invalid table name,
// and the database's error, wrapped.
func (s SQLStore) CreateTable(ctx context.Context) error {
	ddl, err := s.Schema()
	if err != nil {
		return err
	}
	if _, err := s.DB.ExecContext(ctx, ddl); err != nil {
		return fmt.Errorf("contract: creating the issuance table: %w", err)
	}
	return nil
}

const columns = "contract_id, generation, issue_key, issued_at, downloaded_at"

// InsertIfAbsent implements [Store] with INSERT ... ON CONFLICT DO NOTHING
// and, when that inserted nothing, a read of the row in the way. It
// returns an [*InputError] for an unknown dialect, an invalid table name,
// an empty contract ID or key, a generation below 1 or a zero At, and the
// database's error, wrapped.
func (s SQLStore) InsertIfAbsent(ctx context.Context, iss Issuance) (Issuance, bool, error) {
	const fn = "SQLStore.InsertIfAbsent"
	table, ph, err := s.prepare(fn)
	if err != nil {
		return Issuance{}, false, err
	}
	switch {
	case iss.ContractID == "":
		return Issuance{}, false, inputError(fn, "empty contract ID")
	case iss.Key == "":
		return Issuance{}, false, inputError(fn, "empty idempotency key")
	case iss.Generation < 1:
		return Issuance{}, false, inputError(fn, "invalid generation "+iss.Generation.String())
	case iss.At.IsZero():
		return Issuance{}, false, inputError(fn, "zero instant At")
	}
	iss.At = iss.At.Truncate(time.Microsecond).UTC()
	iss.Downloaded = time.Time{}
	res, err := s.DB.ExecContext(ctx, "INSERT INTO "+table+" (contract_id, generation, issue_key, issued_at) VALUES ("+
		ph(1)+", "+ph(2)+", "+ph(3)+", "+ph(4)+") ON CONFLICT DO NOTHING",
		iss.ContractID, int64(iss.Generation), iss.Key, s.timeArg(iss.At))
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: inserting the issuance: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: inserting the issuance: %w", err)
	}
	if n == 1 {
		return iss, true, nil
	}
	// The row in the way: the one with this key if there is one.
	q := "SELECT " + columns + " FROM " + table + " WHERE contract_id = " + ph(1) +
		" AND (issue_key = " + ph(2) + " OR generation = " + ph(3) + ") ORDER BY CASE WHEN issue_key = " + ph(2) + " THEN 0 ELSE 1 END LIMIT 1"
	args := []any{iss.ContractID, iss.Key, int64(iss.Generation)}
	stored, err := s.scan(s.DB.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Issuance{}, false, fmt.Errorf("contract: inserting the issuance: the insert conflicted but no row is in the way; is the table's unique constraint missing?")
	}
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: reading the issuance in the way: %w", err)
	}
	return stored, false, nil
}

// Issuances implements [Store]. It returns an [*InputError] for an unknown
// dialect or an invalid table name, and the database's error, wrapped.
func (s SQLStore) Issuances(ctx context.Context, contractID string) ([]Issuance, error) {
	table, ph, err := s.prepare("SQLStore.Issuances")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, "SELECT "+columns+" FROM "+table+" WHERE contract_id = "+ph(1)+" ORDER BY generation", contractID)
	if err != nil {
		return nil, fmt.Errorf("contract: reading issuances: %w", err)
	}
	defer rows.Close()
	var list []Issuance
	for rows.Next() {
		iss, err := s.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("contract: reading issuances: %w", err)
		}
		list = append(list, iss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("contract: reading issuances: %w", err)
	}
	return list, nil
}

// RecordDownload implements [Store] with an UPDATE of a row whose
// downloaded_at is NULL, and a read of the row. It returns an
// [*InputError] for an unknown dialect, an invalid table name or a zero
// at, and the database's error, wrapped.
func (s SQLStore) RecordDownload(ctx context.Context, contractID string, gen Generation, at time.Time) (Issuance, bool, error) {
	const fn = "SQLStore.RecordDownload"
	table, ph, err := s.prepare(fn)
	if err != nil {
		return Issuance{}, false, err
	}
	if at.IsZero() {
		return Issuance{}, false, inputError(fn, "zero instant at")
	}
	_, err = s.DB.ExecContext(ctx, "UPDATE "+table+" SET downloaded_at = "+ph(1)+
		" WHERE contract_id = "+ph(2)+" AND generation = "+ph(3)+" AND downloaded_at IS NULL",
		s.timeArg(at.Truncate(time.Microsecond).UTC()), contractID, int64(gen))
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: recording the download: %w", err)
	}
	iss, err := s.scan(s.DB.QueryRowContext(ctx, "SELECT "+columns+" FROM "+table+
		" WHERE contract_id = "+ph(1)+" AND generation = "+ph(2), contractID, int64(gen)))
	if errors.Is(err, sql.ErrNoRows) {
		return Issuance{}, false, nil
	}
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: reading the issuance: %w", err)
	}
	return iss, true, nil
}

// timeArg returns t as the dialect stores it.
func (s SQLStore) timeArg(t time.Time) any {
	if s.Dialect == DialectSQLite {
		return t.UTC().Format(sqlTimeLayout)
	}
	return t.UTC()
}

// scan reads one row of columns.
func (s SQLStore) scan(row interface{ Scan(...any) error }) (Issuance, error) {
	var iss Issuance
	var gen int64
	if s.Dialect == DialectSQLite {
		var at string
		var dl sql.NullString
		if err := row.Scan(&iss.ContractID, &gen, &iss.Key, &at, &dl); err != nil {
			return Issuance{}, err
		}
		var err error
		if iss.At, err = time.Parse(sqlTimeLayout, at); err != nil {
			return Issuance{}, fmt.Errorf("issued_at of contract %s: %w", strconv.Quote(iss.ContractID), err)
		}
		if dl.Valid {
			if iss.Downloaded, err = time.Parse(sqlTimeLayout, dl.String); err != nil {
				return Issuance{}, fmt.Errorf("downloaded_at of contract %s: %w", strconv.Quote(iss.ContractID), err)
			}
		}
	} else {
		var dl sql.NullTime
		if err := row.Scan(&iss.ContractID, &gen, &iss.Key, &iss.At, &dl); err != nil {
			return Issuance{}, err
		}
		iss.At = iss.At.UTC()
		if dl.Valid {
			iss.Downloaded = dl.Time.UTC()
		}
	}
	iss.Generation = Generation(gen)
	return iss, nil
}
