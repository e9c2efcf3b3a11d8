package contractdb

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

// TestStoreContract checks the Store contract, step by step on one table,
// on SQLite, PostgreSQL and (as the reference) in memory.
func TestStoreContract(t *testing.T) {
	// An instant with nanoseconds, in JST: stored to the microsecond.
	at := jst(2026, 5, 11, 10, 0, 0, 123456789)
	atUS := jst(2026, 5, 11, 10, 0, 0, 123456000)
	orig := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1", At: at}
	origStored := orig
	origStored.At = atUS
	repl := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationReplacement, Key: "job-2", At: jst(2028, 2, 1, 10, 0, 0, 0)}

	type insertStep struct {
		name     string
		iss      contract.Issuance
		want     contract.Issuance
		inserted bool
	}
	steps := []insertStep{
		{"CT-5 the first issuance of a contract is inserted", orig, origStored, true},
		{"CT-5 the same generation under another key is not: the issuance on record",
			contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-3", At: at.Add(time.Hour)}, origStored, false},
		{"CT-5 a retry with the same key is not inserted: the issuance on record",
			contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1", At: at.Add(time.Hour)}, origStored, false},
		{"CT-5 the same key in another generation is the retry of the first: its issuance",
			contract.Issuance{ContractID: "C-1", Generation: contract.GenerationReplacement, Key: "job-1", At: at.Add(time.Hour)}, origStored, false},
		{"CT-4 the replacement generation under a new key is inserted", repl, repl, true},
		{"CT-5 a second replacement is not",
			contract.Issuance{ContractID: "C-1", Generation: contract.GenerationReplacement, Key: "job-4", At: repl.At}, repl, false},
		{"CT-5 another contract with the same key is inserted",
			contract.Issuance{ContractID: "C-2", Generation: contract.GenerationOriginal, Key: "job-1", At: atUS},
			contract.Issuance{ContractID: "C-2", Generation: contract.GenerationOriginal, Key: "job-1", At: atUS}, true},
	}
	run := func(t *testing.T, s contract.Store, sql bool) {
		for _, st := range steps {
			want := st.want
			if !sql && st.want.At.Equal(atUS) && st.want.ContractID == "C-1" {
				want.At = at // the memory store keeps nanoseconds
			}
			got, inserted, err := s.InsertIfAbsent(bg, st.iss)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if inserted != st.inserted {
				t.Errorf("%s: inserted %v, want %v", st.name, inserted, st.inserted)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: (-want +got)\n%s", st.name, diff)
			}
		}
		list, err := s.Issuances(bg, "C-1")
		if err != nil {
			t.Fatal(err)
		}
		wantOrig := origStored
		if !sql {
			wantOrig = orig
		}
		if diff := cmp.Diff([]contract.Issuance{wantOrig, repl}, list); diff != "" {
			t.Errorf("CT-4 Issuances lists the generations in order: (-want +got)\n%s", diff)
		}
		if list, err := s.Issuances(bg, "C-9"); err != nil || len(list) != 0 {
			t.Errorf("CT-5 Issuances of an unknown contract = %v, %v", list, err)
		}

		first := jst(2026, 5, 12, 9, 0, 0, 999)
		firstStored := first
		if sql {
			firstStored = jst(2026, 5, 12, 9, 0, 0, 0)
		}
		iss, ok, err := s.RecordDownload(bg, "C-1", contract.GenerationOriginal, first)
		if err != nil || !ok || !iss.Downloaded.Equal(firstStored) {
			t.Errorf("CT-8 RecordDownload = %v, %v, %v; want downloaded at %v", iss, ok, err, firstStored)
		}
		iss, ok, err = s.RecordDownload(bg, "C-1", contract.GenerationOriginal, first.Add(time.Hour))
		if err != nil || !ok || !iss.Downloaded.Equal(firstStored) {
			t.Errorf("CT-8 a second RecordDownload = %v, %v, %v; want the first kept", iss, ok, err)
		}
		if _, ok, err := s.RecordDownload(bg, "C-9", contract.GenerationOriginal, first); ok || err != nil {
			t.Errorf("CT-8 RecordDownload of an unknown issuance = %v, %v; want not ok", ok, err)
		}
		list, _ = s.Issuances(bg, "C-1")
		if len(list) != 2 || !list[1].Downloaded.IsZero() {
			t.Errorf("CT-8 the download of the original touched the replacement: %v", list)
		}
		if sql {
			for _, iss := range list {
				if iss.At.Location() != time.UTC || iss.Downloaded.Location() != time.UTC {
					t.Errorf("instants read back are not in UTC: %v", iss)
				}
			}
		}
	}
	t.Run("memory", func(t *testing.T) { run(t, &contract.MemoryStore{}, false) })
	each(t, func(t *testing.T, s contract.SQLStore) {
		run(t, s, true)
		if rows, contracts := count(t, s); rows != 3 || contracts != 2 {
			t.Errorf("the table holds %d rows for %d contracts, want 3 for 2", rows, contracts)
		}
	})
}

func TestSQLStoreInputErrors(t *testing.T) {
	each(t, func(t *testing.T, s contract.SQLStore) {
		at := jst(2026, 5, 11, 10, 0, 0, 0)
		bad := s
		bad.Table = "issuance; DROP TABLE x"
		unknown := s
		unknown.Dialect = 0
		for name, err := range map[string]error{
			"invalid table":           second3(bad.InsertIfAbsent(bg, contract.Issuance{ContractID: "C-1", Generation: 1, Key: "k", At: at})),
			"invalid table, lookup":   second(bad.Issuances(bg, "C-1")),
			"invalid table, download": second3(bad.RecordDownload(bg, "C-1", 1, at)),
			"invalid table, create":   bad.CreateTable(bg),
			"unknown dialect":         second3(unknown.InsertIfAbsent(bg, contract.Issuance{ContractID: "C-1", Generation: 1, Key: "k", At: at})),
			"empty contract ID":       second3(s.InsertIfAbsent(bg, contract.Issuance{Generation: 1, Key: "k", At: at})),
			"empty key":               second3(s.InsertIfAbsent(bg, contract.Issuance{ContractID: "C-1", Generation: 1, At: at})),
			"generation 0":            second3(s.InsertIfAbsent(bg, contract.Issuance{ContractID: "C-1", Key: "k", At: at})),
			"zero instant":            second3(s.InsertIfAbsent(bg, contract.Issuance{ContractID: "C-1", Generation: 1, Key: "k"})),
			"zero download instant":   second3(s.RecordDownload(bg, "C-1", 1, time.Time{})),
		} {
			if !errors.Is(err, contract.ErrInvalidInput) {
				t.Errorf("%s: %v, want ErrInvalidInput", name, err)
			}
		}
		if rows, _ := count(t, s); rows != 0 {
			t.Errorf("refused calls left %d rows", rows)
		}
	})
}

func second[T any](_ T, err error) error          { return err }
func second3[T, U any](_ T, _ U, err error) error { return err }

// TestSQLLedgerLifecycle runs the Ledger over each database: issue,
// retry, a second certificate refused, a download refused in maintenance
// and then recorded, the four statuses, the replacement, and a refused
// reissue.
func TestSQLLedgerLifecycle(t *testing.T) {
	each(t, func(t *testing.T, s contract.SQLStore) {
		svc, err := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, jst(2028, 1, 15, 10, 0, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		l := contract.Ledger{Store: s, Service: svc}
		status := func(name, id string, at time.Time, want contract.State) {
			t.Helper()
			st, err := l.Status(bg, id, at)
			if err != nil {
				t.Fatal(err)
			}
			if st.State != want {
				t.Errorf("%s: Status(%s, %v) = %v, want %v", name, id, at, st, want)
			}
		}
		mailed := jst(2026, 5, 11, 10, 0, 0, 0)
		iss, err := l.Issue(bg, "C-1", "job-1", mailed)
		if err != nil {
			t.Fatal(err)
		}
		if again, err := l.Issue(bg, "C-1", "job-1", mailed.Add(time.Minute)); err != nil || !again.At.Equal(mailed) {
			t.Errorf("CT-5 retry = %v, %v; want the issuance of %v", again, err, mailed)
		}
		if _, err := l.Issue(bg, "C-1", "job-2", mailed.Add(time.Minute)); !errors.Is(err, contract.ErrAlreadyIssued) {
			t.Errorf("CT-5 second certificate = %v, want ErrAlreadyIssued", err)
		}
		if _, err := l.Issue(bg, "C-2", "job-1", mailed); err != nil {
			t.Fatal(err)
		}
		status("CT-7 not issued before the mail", "C-1", mailed.Add(-time.Microsecond), contract.StateNotIssued)
		status("CT-8 awaiting download", "C-1", mailed, contract.StateAwaitingDownload)
		if _, err := l.Download(bg, "C-1", contract.GenerationOriginal, jst(2026, 5, 19, 23, 0, 0, 0)); !errors.Is(err, contract.ErrMaintenance) {
			t.Errorf("CT-9 download in maintenance = %v, want ErrMaintenance", err)
		}
		status("CT-9 a refused download is not recorded", "C-1", jst(2026, 5, 19, 23, 30, 0, 0), contract.StateAwaitingDownload)
		if got, err := l.Download(bg, "C-1", contract.GenerationOriginal, jst(2026, 5, 20, 8, 0, 0, 0)); err != nil || !got.Downloaded.Equal(jst(2026, 5, 20, 8, 0, 0, 0)) {
			t.Errorf("CT-9 download when maintenance ends = %v, %v", got, err)
		}
		status("CT-8 downloaded", "C-1", jst(2026, 5, 20, 8, 0, 0, 0), contract.StateDownloaded)
		if _, err := l.Download(bg, "C-2", contract.GenerationOriginal, jst(2026, 5, 26, 0, 0, 0, 0)); !errors.Is(err, contract.ErrWindowClosed) {
			t.Errorf("CT-8 download after the window = %v, want ErrWindowClosed", err)
		}
		status("CT-6 window missed", "C-2", jst(2026, 5, 26, 0, 0, 0, 0), contract.StateWindowMissed)
		status("CT-4 the replacement not issued yet after the decision", "C-1", jst(2028, 1, 15, 10, 0, 0, 0), contract.StateNotIssued)
		repl, err := l.Issue(bg, "C-1", "job-9", jst(2028, 2, 1, 10, 0, 0, 0))
		if err != nil || repl.Generation != contract.GenerationReplacement {
			t.Errorf("CT-4 replacement = %v, %v", repl, err)
		}
		status("CT-4 the replacement awaits download", "C-1", jst(2028, 2, 1, 10, 0, 0, 0), contract.StateAwaitingDownload)
		if _, err := l.Issue(bg, "C-1", "job-10", jst(2028, 2, 2, 10, 0, 0, 0)); !errors.Is(err, contract.ErrAlreadyIssued) {
			t.Errorf("CT-5 second replacement = %v, want ErrAlreadyIssued", err)
		}
		var re *contract.ReissueError
		if err := l.Reissue(bg, "C-2", contract.CauseDownloadWindowMissed); !errors.As(err, &re) || !re.WasIssued || !re.Issued.At.Equal(iss.At) {
			t.Errorf("CT-6 Reissue = %v, want refused with the issuance on record", err)
		}
		if rows, contracts := count(t, s); rows != 3 || contracts != 2 {
			t.Errorf("the table holds %d rows for %d contracts, want 3 for 2", rows, contracts)
		}
	})
}

// TestSQLStoreContextAndTransactions: a cancelled context records nothing;
// a store in the caller's transaction records with it or not at all.
func TestSQLStoreContextAndTransactions(t *testing.T) {
	each(t, func(t *testing.T, s contract.SQLStore) {
		at := jst(2026, 5, 11, 10, 0, 0, 0)
		ctx, cancel := context.WithCancel(bg)
		cancel()
		if _, err := (&contract.Ledger{Store: s}).Issue(ctx, "C-1", "k", at); !errors.Is(err, context.Canceled) {
			t.Errorf("CT-5 Issue with a cancelled context = %v, want context.Canceled", err)
		}
		db := s.DB.(*sql.DB)
		for _, commit := range []bool{false, true} {
			tx, err := db.BeginTx(bg, nil)
			if err != nil {
				t.Fatal(err)
			}
			in := s
			in.DB = tx
			if _, err := (&contract.Ledger{Store: in}).Issue(bg, "C-1", "k", at); err != nil {
				t.Fatal(err)
			}
			if commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				t.Fatal(err)
			}
			if rows, _ := count(t, s); rows != map[bool]int{false: 0, true: 1}[commit] {
				t.Errorf("CT-5 after the transaction (commit %v) the table has %d rows", commit, rows)
			}
		}
	})
}
