package contract_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/google/go-cmp/cmp"
)

// bg is the context of the ledger tests.
var bg = context.Background()

// replacing is the service of the CT-4 cases: its end extended to
// 2030-06-30 by a decision of 2028-01-15 10:00 JST; old certificates work
// through 2029-07-31.
func replacing(t testing.TB) contract.Service {
	t.Helper()
	s, err := contract.DefaultService().ExtendEnd(date(2030, 6, 30), jst(2028, 1, 15, 10, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// issueResult is what an Issue case compares: the issuance returned, or
// the issuance on record that the refusal carries.
type issueResult struct {
	Got     contract.Issuance
	Refused bool                // errors.Is(err, ErrAlreadyIssued)
	OnFile  contract.Issuance   // IssueError.Issued
	Gen     contract.Generation // IssueError.Generation
}

func issueOf(t *testing.T) func(contract.Issuance, error) issueResult {
	return func(iss contract.Issuance, err error) issueResult {
		t.Helper()
		return judgeIssue(t, iss, err)
	}
}

func judgeIssue(t *testing.T, iss contract.Issuance, err error) issueResult {
	if err == nil {
		return issueResult{Got: iss}
	}
	var ie *contract.IssueError
	if !errors.As(err, &ie) || !errors.Is(err, contract.ErrAlreadyIssued) {
		t.Fatalf("Issue = %v (%T), want nil or an *IssueError matching ErrAlreadyIssued", err, err)
	}
	return issueResult{Refused: true, OnFile: ie.Issued, Gen: ie.Generation}
}

// TestLedgerIssue runs its cases in order on one Ledger per table: each
// case sees what the cases before it recorded.
func TestLedgerIssue(t *testing.T) {
	first := jst(2026, 5, 11, 10, 0, 0, 0)
	c1 := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1", At: first}
	decided := jst(2028, 1, 15, 10, 0, 0, 0)
	repl := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationReplacement, Key: "job-9", At: decided}

	type step struct {
		name string
		why  string
		id   string
		key  string
		at   time.Time
		want issueResult
	}
	for _, table := range []struct {
		name    string
		service contract.Service
		steps   []step
	}{
		{"no replacement decided", contract.Service{}, []step{
			{name: "CT-5 first certificate of a contract is issued", id: "C-1", key: "job-1", at: first,
				want: issueResult{Got: c1}},
			{name: "CT-5 a second certificate under another key is refused", id: "C-1", key: "job-2", at: first.Add(time.Hour),
				want: issueResult{Refused: true, OnFile: c1, Gen: contract.GenerationOriginal}},
			{name: "CT-5 refused even at the same instant", id: "C-1", key: "job-3", at: first,
				want: issueResult{Refused: true, OnFile: c1, Gen: contract.GenerationOriginal}},
			{name: "CT-5 retry with the same key returns the issuance as first recorded",
				why: "the retry passes a later instant; the issuance keeps the first",
				id:  "C-1", key: "job-1", at: first.Add(time.Minute), want: issueResult{Got: c1}},
			{name: "CT-5 another contract gets its own certificate, the same key is fine there", id: "C-2", key: "job-1", at: first,
				want: issueResult{Got: contract.Issuance{ContractID: "C-2", Generation: contract.GenerationOriginal, Key: "job-1", At: first}}},
			{name: "CT-5 contract IDs are compared exactly", id: "c-1", key: "job-1", at: first,
				want: issueResult{Got: contract.Issuance{ContractID: "c-1", Generation: contract.GenerationOriginal, Key: "job-1", At: first}}},
			{name: "CT-5 keys are compared exactly", id: "C-1", key: "JOB-1", at: first,
				want: issueResult{Refused: true, OnFile: c1, Gen: contract.GenerationOriginal}},
		}},
		{"replacement decided 2028-01-15 10:00 JST", replacing(t), []step{
			{name: "CT-5 original certificate before the decision", id: "C-1", key: "job-1", at: first,
				want: issueResult{Got: c1}},
			{name: "CT-4 no replacement one nanosecond before the decision", id: "C-1", key: "job-8", at: decided.Add(-1),
				want: issueResult{Refused: true, OnFile: c1, Gen: contract.GenerationOriginal}},
			{name: "CT-4 the replacement is issued at the decision instant", id: "C-1", key: "job-9", at: decided,
				want: issueResult{Got: repl}},
			{name: "CT-5 exactly one replacement per contract", id: "C-1", key: "job-10", at: decided.Add(time.Hour),
				want: issueResult{Refused: true, OnFile: repl, Gen: contract.GenerationReplacement}},
			{name: "CT-5 retry of the replacement returns it", id: "C-1", key: "job-9", at: decided.Add(time.Hour),
				want: issueResult{Got: repl}},
			{name: "CT-5 retry of the original after the decision returns the original, not a replacement",
				why: "the key is the original's; a retry must never become a second certificate",
				id:  "C-1", key: "job-1", at: decided.Add(2 * time.Hour), want: issueResult{Got: c1}},
			{name: "CT-4 a contract first issued after the decision gets one certificate, of the replacement generation",
				id: "C-3", key: "job-1", at: decided.Add(time.Hour),
				want: issueResult{Got: contract.Issuance{ContractID: "C-3", Generation: contract.GenerationReplacement, Key: "job-1", At: decided.Add(time.Hour)}}},
			{name: "CT-5 and no second one", id: "C-3", key: "job-2", at: decided.Add(2 * time.Hour),
				want: issueResult{Refused: true, Gen: contract.GenerationReplacement,
					OnFile: contract.Issuance{ContractID: "C-3", Generation: contract.GenerationReplacement, Key: "job-1", At: decided.Add(time.Hour)}}},
		}},
	} {
		l := contract.Ledger{Service: table.service}
		for _, s := range table.steps {
			t.Run(table.name+"/"+s.name, func(t *testing.T) {
				got := issueOf(t)(l.Issue(bg, s.id, s.key, s.at))
				if diff := cmp.Diff(s.want, got); diff != "" {
					t.Errorf("Issue(%s, %s, %v): (-want +got)\n%s\nwhy: %s", s.id, s.key, s.at, diff, s.why)
				}
			})
		}
	}
}

func TestLedgerIssued(t *testing.T) {
	l := contract.Ledger{Service: replacing(t)}
	orig, err := l.Issue(bg, "C-1", "a", jst(2026, 5, 11, 10, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	repl, err := l.Issue(bg, "C-1", "b", jst(2028, 2, 1, 10, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Issued(bg, "C-1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]contract.Issuance{orig, repl}, got); diff != "" {
		t.Errorf("CT-4 Issued lists both generations in order: (-want +got)\n%s", diff)
	}
	if got, err := l.Issued(bg, "C-9"); err != nil || len(got) != 0 {
		t.Errorf("CT-5 Issued(C-9) = %v, %v; want nothing", got, err)
	}
}

func TestLedgerInputErrors(t *testing.T) {
	var l contract.Ledger
	at := jst(2026, 5, 11, 0, 0, 0, 0)
	bad := contract.Ledger{Service: contract.Service{ReplaceBy: date(2029, 7, 31)}}
	for _, tc := range []struct {
		name string
		fn   string
		err  error
	}{
		{"CT-5 Issue with empty ID", "Ledger.Issue", second(l.Issue(bg, "", "k", at))},
		{"CT-5 Issue with empty key", "Ledger.Issue", second(l.Issue(bg, "C-1", "", at))},
		{"CT-5 Issue at zero instant", "Ledger.Issue", second(l.Issue(bg, "C-1", "k", time.Time{}))},
		{"CT-4 Issue with a replacement date but no decision instant", "Ledger.Issue", second(bad.Issue(bg, "C-1", "k", at))},
		{"CT-5 Issued with empty ID", "Ledger.Issued", second(l.Issued(bg, ""))},
		{"CT-6 Reissue with empty ID", "Ledger.Reissue", l.Reissue(bg, "", contract.CauseLost)},
		{"CT-8 Download with empty ID", "Ledger.Download", second(l.Download(bg, "", contract.GenerationOriginal, at))},
		{"CT-8 Download at zero instant", "Ledger.Download", second(l.Download(bg, "C-1", contract.GenerationOriginal, time.Time{}))},
		{"CT-8 Download of generation 3", "Ledger.Download", second(l.Download(bg, "C-1", 3, at))},
		{"CT-8 Status with empty ID", "Ledger.Status", second(l.Status(bg, "", at))},
		{"CT-8 Status at zero instant", "Ledger.Status", second(l.Status(bg, "C-1", time.Time{}))},
		{"CT-4 Status with a replacement date but no decision instant", "Ledger.Status", second(bad.Status(bg, "C-1", at))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ie *contract.InputError
			if !errors.As(tc.err, &ie) || !errors.Is(tc.err, contract.ErrInvalidInput) || ie.Func != tc.fn {
				t.Errorf("error = %v (%T), want *InputError from %s", tc.err, tc.err, tc.fn)
			}
		})
	}
	// Nothing was recorded by the refused calls.
	if _, err := l.Issue(bg, "C-1", "k", at); err != nil {
		t.Errorf("Issue after refused calls = %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

func TestLedgerCT5ConcurrentIssueGivesOneCertificate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store contract.Store
	}{
		{"CT-5 zero Ledger, 100 goroutines with their own keys, one contract", nil},
		{"CT-5 explicit MemoryStore, 100 goroutines with their own keys, one contract", &contract.MemoryStore{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := contract.Ledger{Store: tc.store}
			const n = 100
			var (
				wg      sync.WaitGroup
				start   = make(chan struct{})
				mu      sync.Mutex
				issued  []contract.Issuance
				refused int
				other   []error
			)
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					iss, err := l.Issue(bg, "C-RACE", "key-"+string(rune('A'+i%26))+string(rune('a'+i/26)), jst(2026, 5, 11, 10, 0, 0, i))
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err == nil:
						issued = append(issued, iss)
					case errors.Is(err, contract.ErrAlreadyIssued):
						refused++
					default:
						other = append(other, err)
					}
				}(i)
			}
			close(start)
			wg.Wait()
			if len(issued) != 1 || refused != n-1 || len(other) != 0 {
				t.Fatalf("issued %d, refused %d, other errors %v; want 1, %d, none", len(issued), refused, other, n-1)
			}
			rec, err := l.Issued(bg, "C-RACE")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]contract.Issuance{issued[0]}, rec); diff != "" {
				t.Errorf("the recorded issuance is not the one that won: (-want +got)\n%s", diff)
			}
		})
	}
}

func TestLedgerReissue(t *testing.T) {
	var l contract.Ledger
	mailed := jst(2026, 5, 11, 10, 0, 0, 0)
	orig, err := l.Issue(bg, "C-1", "k", mailed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		id         string
		cause      contract.Cause
		want       contract.ReissueError
		wantAdvice string
	}{
		{
			name: "CT-6 lost file: refused, report to sales", id: "C-1", cause: contract.CauseLost,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseLost, Issued: orig, WasIssued: true},
			wantAdvice: "report the loss to your sales representative",
		},
		{
			name: "CT-6 forgotten password: refused", id: "C-1", cause: contract.CauseForgottenPassword,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseForgottenPassword, Issued: orig, WasIssued: true},
			wantAdvice: "contact your sales representative",
		},
		{
			name: "CT-6 missed download window: refused", id: "C-1", cause: contract.CauseDownloadWindowMissed,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseDownloadWindowMissed, Issued: orig, WasIssued: true},
			wantAdvice: "contact your sales representative",
		},
		{
			name: "CT-6 unspecified cause: refused all the same", id: "C-1", cause: contract.CauseUnspecified,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseUnspecified, Issued: orig, WasIssued: true},
			wantAdvice: "contact your sales representative",
		},
		{
			name: "CT-6 contract never issued: refused, nothing on record", id: "C-2", cause: contract.CauseLost,
			want:       contract.ReissueError{ContractID: "C-2", Cause: contract.CauseLost},
			wantAdvice: "report the loss to your sales representative",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := l.Reissue(bg, tt.id, tt.cause)
			var re *contract.ReissueError
			if !errors.As(err, &re) || !errors.Is(err, contract.ErrNoReissue) {
				t.Fatalf("Reissue = %v, want *ReissueError matching ErrNoReissue", err)
			}
			if diff := cmp.Diff(tt.want, *re); diff != "" {
				t.Errorf("ReissueError: (-want +got)\n%s", diff)
			}
			if got := re.Cause.Advice(); got != tt.wantAdvice {
				t.Errorf("Advice = %q, want %q", got, tt.wantAdvice)
			}
			if !strings.Contains(err.Error(), tt.wantAdvice) || !strings.Contains(err.Error(), tt.cause.String()) {
				t.Errorf("message %q lacks the cause or the advice", err)
			}
		})
	}
	// CT-5 still holds after the refused reissues.
	if _, err := l.Issue(bg, "C-1", "k2", mailed.Add(24*time.Hour)); !errors.Is(err, contract.ErrAlreadyIssued) {
		t.Errorf("Issue after Reissue = %v, want ErrAlreadyIssued", err)
	}
}

func TestCauseString(t *testing.T) {
	got := []string{contract.CauseUnspecified.String(), contract.CauseLost.String(),
		contract.CauseForgottenPassword.String(), contract.CauseDownloadWindowMissed.String(), contract.Cause(9).String()}
	want := []string{"unspecified cause", "certificate file lost", "password forgotten", "download window missed", "Cause(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CT-6 Cause.String: (-want +got)\n%s", diff)
	}
}

// faultyStore wraps a Store and fails on demand: before the write (nothing
// recorded) or after it (recorded, then the error, as when a connection
// drops between the commit and its acknowledgement). It records the
// contexts it was given.
type faultyStore struct {
	contract.Store
	before, after error
	mu            sync.Mutex
	ctxs          []context.Context
}

func (s *faultyStore) seen(ctx context.Context) {
	s.mu.Lock()
	s.ctxs = append(s.ctxs, ctx)
	s.mu.Unlock()
}

func (s *faultyStore) InsertIfAbsent(ctx context.Context, iss contract.Issuance) (contract.Issuance, bool, error) {
	s.seen(ctx)
	if s.before != nil {
		return contract.Issuance{}, false, s.before
	}
	stored, inserted, err := s.Store.InsertIfAbsent(ctx, iss)
	if err == nil && s.after != nil {
		return contract.Issuance{}, false, s.after
	}
	return stored, inserted, err
}

func (s *faultyStore) Issuances(ctx context.Context, id string) ([]contract.Issuance, error) {
	s.seen(ctx)
	if s.before != nil {
		return nil, s.before
	}
	return s.Store.Issuances(ctx, id)
}

func (s *faultyStore) RecordDownload(ctx context.Context, id string, gen contract.Generation, at time.Time) (contract.Issuance, bool, error) {
	s.seen(ctx)
	if s.before != nil {
		return contract.Issuance{}, false, s.before
	}
	iss, ok, err := s.Store.RecordDownload(ctx, id, gen, at)
	if err == nil && s.after != nil {
		return contract.Issuance{}, false, s.after
	}
	return iss, ok, err
}

func TestLedgerStoreErrors(t *testing.T) {
	down := errors.New("database is down")
	mailed := jst(2026, 5, 11, 10, 0, 0, 0)
	want := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1", At: mailed}

	t.Run("CT-5 a store failing before the write records nothing; the retry issues", func(t *testing.T) {
		fs := &faultyStore{Store: &contract.MemoryStore{}, before: down}
		l := contract.Ledger{Store: fs}
		if _, err := l.Issue(bg, "C-1", "job-1", mailed); !errors.Is(err, down) || errors.Is(err, contract.ErrAlreadyIssued) {
			t.Fatalf("Issue = %v, want the store's error, not ErrAlreadyIssued", err)
		}
		if list, _ := fs.Store.Issuances(bg, "C-1"); len(list) != 0 {
			t.Fatalf("the failed Issue recorded %v", list)
		}
		fs.before = nil
		got, err := l.Issue(bg, "C-1", "job-1", mailed)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("retry: (-want +got)\n%s", diff)
		}
	})
	t.Run("CT-5 commit then error: the retry with the same key returns the issuance", func(t *testing.T) {
		fs := &faultyStore{Store: &contract.MemoryStore{}, after: down}
		l := contract.Ledger{Store: fs}
		if _, err := l.Issue(bg, "C-1", "job-1", mailed); !errors.Is(err, down) {
			t.Fatalf("Issue = %v, want the store's error", err)
		}
		fs.after = nil
		got, err := l.Issue(bg, "C-1", "job-1", mailed.Add(time.Second))
		if err != nil {
			t.Fatalf("retry = %v, want the issuance the first attempt recorded", err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("retry: (-want +got)\n%s", diff)
		}
		// A different key is a second certificate.
		if _, err := l.Issue(bg, "C-1", "job-2", mailed.Add(time.Second)); !errors.Is(err, contract.ErrAlreadyIssued) {
			t.Errorf("Issue with a new key = %v, want ErrAlreadyIssued", err)
		}
	})
	t.Run("CT-8 download recorded then error: the retry returns the first download", func(t *testing.T) {
		fs := &faultyStore{Store: &contract.MemoryStore{}}
		l := contract.Ledger{Store: fs}
		if _, err := l.Issue(bg, "C-1", "job-1", mailed); err != nil {
			t.Fatal(err)
		}
		fs.after = down
		first := jst(2026, 5, 12, 9, 0, 0, 0)
		if _, err := l.Download(bg, "C-1", contract.GenerationOriginal, first); !errors.Is(err, down) {
			t.Fatalf("Download = %v, want the store's error", err)
		}
		fs.after = nil
		got, err := l.Download(bg, "C-1", contract.GenerationOriginal, first.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if !got.Downloaded.Equal(first) {
			t.Errorf("Downloaded = %v, want the first download %v", got.Downloaded, first)
		}
	})
	t.Run("CT-5 every method reports the store's error", func(t *testing.T) {
		l := contract.Ledger{Store: &faultyStore{before: down}}
		for name, err := range map[string]error{
			"Issue":    second(l.Issue(bg, "C-1", "k", mailed)),
			"Issued":   second(l.Issued(bg, "C-1")),
			"Download": second(l.Download(bg, "C-1", contract.GenerationOriginal, mailed)),
			"Status":   second(l.Status(bg, "C-1", mailed)),
			"Reissue":  l.Reissue(bg, "C-1", contract.CauseLost),
		} {
			if !errors.Is(err, down) || !strings.HasPrefix(err.Error(), "contract: ") {
				t.Errorf("%s = %v, want the store's error with the package prefix", name, err)
			}
		}
	})
}

// ctxKey marks the contexts TestLedgerPassesTheContext passes.
type ctxKey struct{}

func TestLedgerPassesTheContext(t *testing.T) {
	fs := &faultyStore{Store: &contract.MemoryStore{}}
	l := contract.Ledger{Store: fs}
	ctx := context.WithValue(bg, ctxKey{}, "mine")
	mailed := jst(2026, 5, 11, 10, 0, 0, 0)
	_, _ = l.Issue(ctx, "C-1", "k", mailed)
	_, _ = l.Download(ctx, "C-1", contract.GenerationOriginal, mailed.Add(time.Hour))
	_, _ = l.Status(ctx, "C-1", mailed)
	_, _ = l.Issued(ctx, "C-1")
	_ = l.Reissue(ctx, "C-1", contract.CauseLost)
	if len(fs.ctxs) != 6 {
		t.Fatalf("the store saw %d calls, want 6", len(fs.ctxs))
	}
	for i, c := range fs.ctxs {
		if c.Value(ctxKey{}) != "mine" {
			t.Errorf("call %d got another context", i)
		}
	}

	// A cancelled context records nothing.
	cancelled, cancel := context.WithCancel(bg)
	cancel()
	var m contract.Ledger
	if _, err := m.Issue(cancelled, "C-2", "k", mailed); !errors.Is(err, context.Canceled) {
		t.Errorf("Issue with a cancelled context = %v, want context.Canceled", err)
	}
	if list, _ := m.Issued(bg, "C-2"); len(list) != 0 {
		t.Errorf("a cancelled Issue recorded %v", list)
	}
}
