// Package peers is the root of certlife's peer-test module: tests that hold
// the library against other programs' code and real servers (zlint,
// PostgreSQL through pgx, SQLite through modernc.org/sqlite). It is a
// separate module, github.com/certlife/certlife/peers, so that importers of
// github.com/certlife/certlife never download those dependencies; the
// repository's go.work puts both modules in one workspace, and the README's
// test command, go test -race -count=1 ./... ./peers/..., runs both.
//
// Nothing here is imported by the library.
package peers
