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

func TestLedgerIssue(t *testing.T) {
	var l contract.Ledger // the zero Ledger is ready to use
	first := jst(2026, 5, 11, 10, 0, 0, 0)
	tests := []struct {
		name    string
		id      string
		at      time.Time
		want    contract.Issuance
		already bool // want ErrAlreadyIssued with the first issuance
	}{
		{name: "CT-5 first certificate of a contract is issued", id: "C-1", at: first,
			want: contract.Issuance{ContractID: "C-1", At: first}},
		{name: "CT-5 second certificate of the same contract is refused", id: "C-1", at: first.Add(time.Hour), already: true},
		{name: "CT-5 refused even at the same instant", id: "C-1", at: first, already: true},
		{name: "CT-5 another contract gets its own certificate", id: "C-2", at: first.Add(time.Hour),
			want: contract.Issuance{ContractID: "C-2", At: first.Add(time.Hour)}},
		{name: "CT-5 contract IDs are compared exactly", id: "c-1", at: first,
			want: contract.Issuance{ContractID: "c-1", At: first}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := l.Issue(tt.id, tt.at)
			if tt.already {
				var ie *contract.IssueError
				if !errors.Is(err, contract.ErrAlreadyIssued) || !errors.As(err, &ie) {
					t.Fatalf("Issue = %v, want *IssueError matching ErrAlreadyIssued", err)
				}
				want := contract.IssueError{Reason: contract.ReasonAlreadyIssued, ContractID: tt.id, At: tt.at,
					Issued: contract.Issuance{ContractID: tt.id, At: first}}
				if diff := cmp.Diff(want, *ie); diff != "" {
					t.Errorf("IssueError: (-want +got)\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Issue: (-want +got)\n%s", diff)
			}
		})
	}
	iss, ok, err := l.Issued("C-1")
	if err != nil || !ok {
		t.Fatalf("Issued = %v, %v, %v", iss, ok, err)
	}
	if diff := cmp.Diff(contract.Issuance{ContractID: "C-1", At: first}, iss); diff != "" {
		t.Errorf("CT-5 Issued keeps the first issuance: (-want +got)\n%s", diff)
	}
	if _, ok, _ := l.Issued("C-9"); ok {
		t.Errorf("Issued(C-9) reports an issuance that never happened")
	}
}

func TestLedgerInputErrors(t *testing.T) {
	var l contract.Ledger
	if _, err := l.Issue("", jst(2026, 5, 11, 0, 0, 0, 0)); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("CT-5 Issue with empty ID = %v, want ErrInvalidInput", err)
	}
	if _, err := l.Issue("C-1", time.Time{}); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("CT-5 Issue at zero instant = %v, want ErrInvalidInput", err)
	}
	if _, _, err := l.Issued(""); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("CT-5 Issued with empty ID = %v, want ErrInvalidInput", err)
	}
	var ie *contract.InputError
	if err := l.Reissue("", contract.CauseLost); !errors.As(err, &ie) || ie.Func != "Ledger.Reissue" {
		t.Errorf("CT-6 Reissue with empty ID = %v, want *InputError from Ledger.Reissue", err)
	}
	// Nothing was recorded by the refused calls.
	if _, err := l.Issue("C-1", jst(2026, 5, 11, 0, 0, 0, 0)); err != nil {
		t.Errorf("Issue after refused calls = %v", err)
	}
}

func TestLedgerCT5ConcurrentIssueGivesOneCertificate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store contract.Store
	}{
		{"CT-5 zero Ledger, 100 goroutines, one contract", nil},
		{"CT-5 explicit MemoryStore, 100 goroutines, one contract", &contract.MemoryStore{}},
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
					iss, err := l.Issue("C-RACE", jst(2026, 5, 11, 10, 0, 0, i))
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
			rec, ok, err := l.Issued("C-RACE")
			if err != nil || !ok {
				t.Fatalf("Issued = %v, %v, %v", rec, ok, err)
			}
			if diff := cmp.Diff(issued[0], rec); diff != "" {
				t.Errorf("the recorded issuance is not the one that won: (-want +got)\n%s", diff)
			}
		})
	}
}

func TestLedgerReissue(t *testing.T) {
	var l contract.Ledger
	mailed := jst(2026, 5, 11, 10, 0, 0, 0)
	if _, err := l.Issue("C-1", mailed); err != nil {
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
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseLost, Issued: contract.Issuance{ContractID: "C-1", At: mailed}, WasIssued: true},
			wantAdvice: "report the loss to your sales representative",
		},
		{
			name: "CT-6 forgotten password: refused", id: "C-1", cause: contract.CauseForgottenPassword,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseForgottenPassword, Issued: contract.Issuance{ContractID: "C-1", At: mailed}, WasIssued: true},
			wantAdvice: "contact your sales representative",
		},
		{
			name: "CT-6 missed download window: refused", id: "C-1", cause: contract.CauseDownloadWindowMissed,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseDownloadWindowMissed, Issued: contract.Issuance{ContractID: "C-1", At: mailed}, WasIssued: true},
			wantAdvice: "contact your sales representative",
		},
		{
			name: "CT-6 unspecified cause: refused all the same", id: "C-1", cause: contract.CauseUnspecified,
			want:       contract.ReissueError{ContractID: "C-1", Cause: contract.CauseUnspecified, Issued: contract.Issuance{ContractID: "C-1", At: mailed}, WasIssued: true},
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
			err := l.Reissue(tt.id, tt.cause)
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
	if _, err := l.Issue("C-1", mailed.Add(24*time.Hour)); !errors.Is(err, contract.ErrAlreadyIssued) {
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

// failingStore is a Store whose backend is down.
type failingStore struct{ err error }

func (s failingStore) InsertIfAbsent(context.Context, contract.Issuance) (contract.Issuance, bool, error) {
	return contract.Issuance{}, false, s.err
}

func (s failingStore) Lookup(context.Context, string) (contract.Issuance, bool, error) {
	return contract.Issuance{}, false, s.err
}

func TestLedgerStoreErrors(t *testing.T) {
	down := errors.New("database is down")
	l := contract.Ledger{Store: failingStore{down}}
	if _, err := l.Issue("C-1", jst(2026, 5, 11, 0, 0, 0, 0)); !errors.Is(err, down) || errors.Is(err, contract.ErrAlreadyIssued) {
		t.Errorf("CT-5 Issue with a failing store = %v, want the store's error, not ErrAlreadyIssued", err)
	}
	if _, _, err := l.Issued("C-1"); !errors.Is(err, down) {
		t.Errorf("CT-5 Issued with a failing store = %v, want the store's error", err)
	}
	if err := l.Reissue("C-1", contract.CauseLost); !errors.Is(err, down) {
		t.Errorf("CT-6 Reissue with a failing store = %v, want the store's error", err)
	}
}
