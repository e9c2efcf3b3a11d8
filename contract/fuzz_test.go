package contract_test

import (
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
)

// The package has no parser; these fuzz targets check properties of the
// decisions over arbitrary inputs instead: no panic, every error is the
// package's own type, and each answer agrees with the instants it reports.

var updateCorpus = flag.Bool("update", false, "rewrite the seed corpora in testdata/fuzz")

// fuzzBase is the origin of the fuzzed offsets: 2026-01-01 00:00 JST.
var fuzzBase = jst(2026, 1, 1, 0, 0, 0, 0)

// span maps an arbitrary int64 to seconds within ±50 years of fuzzBase, so
// that every instant is well inside time.Time's range.
func span(v int64) time.Duration {
	const lim = 50 * 366 * 24 * 3600
	return time.Duration(v%lim) * time.Second
}

func FuzzMaintenance(f *testing.F) {
	for _, s := range maintenanceSeeds {
		f.Add(s.a1, s.l1, s.a2, s.l2, s.cancel, s.at)
	}
	f.Fuzz(func(t *testing.T, a1, l1, a2, l2, cancel, at int64) {
		w1 := contract.Window{Start: fuzzBase.Add(span(a1))}
		w1.End = w1.Start.Add(span(l1) % (40 * 24 * time.Hour))
		w2 := contract.Window{Start: fuzzBase.Add(span(a2))}
		w2.End = w2.Start.Add(span(l2) % (40 * 24 * time.Hour))
		m := contract.Maintenance{
			Announced: []contract.Window{w1, w2},
			Cancelled: []tz.Date{tz.DateOf(fuzzBase.Add(span(cancel)), tz.JST)},
		}
		t0 := fuzzBase.Add(span(at))

		// The indexed schedule answers as the literal one does.
		idx := contract.NewMaintenance(m.Announced, m.Cancelled)
		w, ok := m.At(t0)
		if iw, iok := idx.At(t0); iok != ok || !iw.Start.Equal(w.Start) || !iw.End.Equal(w.End) {
			t.Fatalf("At(%v): literal %v, %v; NewMaintenance %v, %v", t0, w, ok, iw, iok)
		}
		if n, in := m.Next(t0), idx.Next(t0); !n.Start.Equal(in.Start) || !n.End.Equal(in.End) {
			t.Fatalf("Next(%v): literal %v; NewMaintenance %v", t0, n, in)
		}
		if ok && !w.Contains(t0) {
			t.Fatalf("At(%v) = %v, which does not contain it", t0, w)
		}
		for _, a := range m.Announced {
			if a.Contains(t0) && !ok {
				t.Fatalf("At(%v) reports no window, but announced %v contains it", t0, a)
			}
			if ok && a.Contains(t0) && (a.Start.Before(w.Start) || a.End.After(w.End)) {
				t.Fatalf("At(%v) = %v does not cover announced %v", t0, w, a)
			}
		}

		n := m.Next(t0)
		if !n.Start.After(t0) || !n.End.After(n.Start) {
			t.Fatalf("Next(%v) = %v: not a non-empty window starting after it", t0, n)
		}
		if got, ok := m.At(n.Start); !ok || !got.Contains(n.Start) || got.End.Before(n.End) {
			t.Fatalf("Next(%v) = %v but At(its start) = %v, %v", t0, n, got, ok)
		}
		for _, a := range m.Announced {
			if a.End.After(a.Start) && a.Start.After(t0) && a.Start.Before(n.Start) {
				t.Fatalf("Next(%v) = %v skips announced %v", t0, n, a)
			}
		}
	})
}

func FuzzAccess(f *testing.F) {
	for _, s := range accessSeeds {
		f.Add(s.start, s.length, s.nb, s.na, s.at, s.bound, s.decided)
	}
	f.Fuzz(func(t *testing.T, start, length int32, nb, na, at int64, bound bool, decided int64) {
		c := contract.Contract{ID: "C-F", Start: tz.DateOf(fuzzBase, tz.JST).AddDays(int(start % 20000))}
		c.End = c.Start.AddDays(int(length % 4000)) // may be before Start: an input error
		id := c.ID
		if !bound {
			id = "C-OTHER"
		}
		cert := &x509.Certificate{NotBefore: fuzzBase.Add(span(nb)), NotAfter: fuzzBase.Add(span(na))}
		cert.Subject.SerialNumber = id
		s := contract.DefaultService()
		if decided != 0 {
			var err error
			s, err = s.ExtendEnd(tz.Date{Year: 2031, Month: time.June, Day: 30}, fuzzBase.Add(span(decided)))
			if err != nil {
				t.Fatal(err)
			}
		}
		t0 := fuzzBase.Add(span(at))

		err := contract.Access(c, cert, t0, s)
		var ae *contract.AccessError
		var ie *contract.InputError
		switch {
		case err == nil:
			if !c.InForce(t0) {
				t.Fatalf("Access allowed %v but the contract %v..%v is not in force", t0, c.Start, c.End)
			}
			from, until := c.Period()
			if !bound || t0.Before(from) || !t0.Before(until) || t0.Before(cert.NotBefore) || t0.After(cert.NotAfter) ||
				!t0.Before(s.End.EndIn(tz.JST)) {
				t.Fatalf("Access allowed %v for contract %v..%v, cert %v..%v, service to %v, bound %v",
					t0, c.Start, c.End, cert.NotBefore, cert.NotAfter, s.End, bound)
			}
		case errors.As(err, &ie):
			if !c.End.Before(c.Start) {
				t.Fatalf("input error %v for a valid contract %v..%v", err, c.Start, c.End)
			}
		case errors.As(err, &ae):
			if c.End.Before(c.Start) {
				t.Fatalf("decision %v for an invalid contract", err)
			}
			if ae.Reason == contract.ReasonNotBound && bound {
				t.Fatalf("bound certificate refused as not bound")
			}
			if ae.Reason != contract.ReasonNotBound && ae.Limit.IsZero() {
				t.Fatalf("%v: no limit", err)
			}
			if errors.Is(err, contract.ErrRevoked) != (ae.Reason == contract.ReasonContractEnded) {
				t.Fatalf("%v: ErrRevoked does not follow the reason", err)
			}
			_, until := c.Period()
			serviceEnd := s.End.EndIn(tz.JST)
			if bound && !t0.Before(until) && !until.After(serviceEnd) && ae.Reason != contract.ReasonContractEnded {
				t.Fatalf("%v: the contract ended at %v, before the service end %v: want revoked", err, until, serviceEnd)
			}
			if ae.Reason == contract.ReasonReplaced && (!c.InForce(t0) || !cert.NotBefore.Before(s.ReplacementDecided)) {
				t.Fatalf("%v: replacement reason for a certificate it does not concern (in force %v, issued %v, decided %v)",
					err, c.InForce(t0), cert.NotBefore, s.ReplacementDecided)
			}
		default:
			t.Fatalf("Access error %v (%T) is not the package's own", err, err)
		}
	})
}

type maintenanceSeed struct{ a1, l1, a2, l2, cancel, at int64 }

var h = int64(3600)

var maintenanceSeeds = []maintenanceSeed{
	// across the June/July 2026 month end, judged at 03:00 on the 1st
	{a1: (180*24 + 22) * h, l1: 10 * h, a2: 0, l2: 0, cancel: 0, at: (181*24 + 3) * h},
	// overlapping windows in late May 2026
	{a1: (145*24 + 22) * h, l1: 4 * h, a2: (146*24 + 1) * h, l2: 7 * h, cancel: 138 * 24 * h, at: (145*24 + 23) * h},
	// the usual window of May 2026, nothing announced that matters
	{a1: -1000 * h, l1: -5, a2: -2000 * h, l2: 0, cancel: 0, at: (138*24 + 22) * h},
	// year end crossing
	{a1: (364*24 + 22) * h, l1: 10 * h, a2: (365*24 + 22) * h, l2: 1, cancel: 350 * 24 * h, at: (365*24 + 7) * h},
}

type accessSeed struct {
	start, length int32
	nb, na, at    int64
	bound         bool
	decided       int64
}

var accessSeeds = []accessSeed{
	// in force, bound, certificate valid
	{start: 90, length: 364, nb: 97 * 24 * h, na: 3700 * 24 * h, at: 200 * 24 * h, bound: true},
	// the first instant after the contract
	{start: 90, length: 364, nb: 97 * 24 * h, na: 3700 * 24 * h, at: 455 * 24 * h, bound: true},
	// a certificate the contract outlives
	{start: 90, length: 364, nb: 97 * 24 * h, na: 300 * 24 * h, at: 301 * 24 * h, bound: true},
	// not bound
	{start: 90, length: 364, nb: 97 * 24 * h, na: 3700 * 24 * h, at: 200 * 24 * h},
	// end before start
	{start: 90, length: -3, at: 100 * 24 * h, bound: true},
	// replaced after an extension of the service
	{start: 700, length: 1500, nb: 701 * 24 * h, na: 4000 * 24 * h, at: 1308 * 24 * h, bound: true, decided: 750 * 24 * h},
}

// TestFuzzCorpus checks that the seed corpora exist (a fuzzer that starts
// from an empty corpus tests little) and, with -update, rewrites them from
// the seeds above in the "go test fuzz v1" format.
func TestFuzzCorpus(t *testing.T) {
	if *updateCorpus {
		for i, s := range maintenanceSeeds {
			writeSeed(t, "FuzzMaintenance", i, fmt.Sprintf("int64(%d)\nint64(%d)\nint64(%d)\nint64(%d)\nint64(%d)\nint64(%d)\n",
				s.a1, s.l1, s.a2, s.l2, s.cancel, s.at))
		}
		for i, s := range accessSeeds {
			writeSeed(t, "FuzzAccess", i, fmt.Sprintf("int32(%d)\nint32(%d)\nint64(%d)\nint64(%d)\nint64(%d)\nbool(%t)\nint64(%d)\n",
				s.start, s.length, s.nb, s.na, s.at, s.bound, s.decided))
		}
	}
	for _, target := range []string{"FuzzMaintenance", "FuzzAccess"} {
		files, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("no seed corpus for %s in testdata/fuzz/%s; run go test -run TestFuzzCorpus -update", target, target)
		}
	}
}

func writeSeed(t *testing.T, target string, i int, body string) {
	t.Helper()
	dir := filepath.Join("testdata", "fuzz", target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, fmt.Sprintf("seed-%02d", i))
	if err := os.WriteFile(name, []byte("go test fuzz v1\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
}
