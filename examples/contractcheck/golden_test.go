package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// cases are contractcheck's golden cases; every case passes a fixed -at.
var cases = []clitest.Case{
	{Name: "CT-2 sample in force", Args: []string{"-at", "2026-06-01T12:00:00+09:00"}},
	{Name: "CT-2 last nanosecond of the end day", Args: []string{"-at", "2027-04-30T23:59:59.999999999+09:00"}},
	{Name: "CT-1 CT-2 ended contract revokes a certificate valid to 2031", Args: []string{"-at", "2027-05-01"}},
	{Name: "CT-2 not started", Args: []string{"-at", "2026-04-30T23:59:59+09:00"}},
	{Name: "CT-1 certificate not bound to the contract", Args: []string{"-at", "2026-06-01", "-cert", "testdata/other-client.pem", "testdata/contract.json"}},
	{Name: "CT-1 certificate expired within the contract", Args: []string{"-at", "2026-12-01", "-cert", "testdata/short-client.pem", "testdata/contract.json"}},
	{Name: "CT-4 service ended 2028-06-30", Args: []string{"-at", "2028-07-01", "testdata/service-ended.json"}},
	{Name: "CT-4 service end last day", Args: []string{"-at", "2028-06-30T23:59:59+09:00", "testdata/service-ended.json"}},
	{Name: "CT-4 replaced after July 2029", Args: []string{"-at", "2029-08-01", "-cert", "testdata/client.pem", "testdata/replaced.json"}},
	{Name: "CT-4 old certificate still good through July 2029", Args: []string{"-at", "2029-07-31T23:59:59+09:00", "-cert", "testdata/client.pem", "testdata/replaced.json"}},
	{Name: "CT-7 rollout 2024-05-20", Args: []string{"-at", "2024-05-29", "testdata/rollout.json"}},
	{Name: "CT-7 year-end closing and a company day off", Args: []string{"-at", "2027-01-20T12:00:00+09:00", "testdata/year-end.json"}},
	{Name: "CT-8 last instant of the download window", Args: []string{"-at", "2026-05-25T23:59:59.999999999+09:00"}},
	{Name: "CT-8 download window closed", Args: []string{"-at", "2026-05-26T00:00:00+09:00"}},
	{Name: "CT-9 third Tuesday maintenance", Args: []string{"-at", "2026-05-19 23:00:00 JST"}},
	{Name: "CT-9 announced window replaces the usual one", Args: []string{"-at", "2026-05-19 23:00:00 JST", "testdata/announced.json"}},
	{Name: "CT-9 announced window on", Args: []string{"-at", "2026-05-23 21:00:00 JST", "-json", "testdata/announced.json"}},
	{Name: "json", Args: []string{"-json", "-at", "2026-06-01T12:00:00+09:00"}},
	{Name: "json refused", Args: []string{"-json", "-at", "2027-05-01", "testdata/contract.json"}},
	{Name: "contract from stdin", Args: []string{"-at", "2026-06-01", "-"}, Stdin: `{"id":"C-1","start":"2026-04-01","end":"2027-03-31"}`},
	{Name: "help", Args: []string{"-h"}},
	{Name: "error unknown flag", Args: []string{"-nope"}},
	{Name: "error bad at", Args: []string{"-at", "2026-06-01 12:00"}},
	{Name: "error missing file", Args: []string{"-at", "2026-06-01", "testdata/nonexistent.json"}},
	{Name: "error unknown field", Args: []string{"-at", "2026-06-01", "-"}, Stdin: `{"id":"C-1","start":"2026-04-01","end":"2027-03-31","ends":"2028-03-31"}`},
	{Name: "error missing id", Args: []string{"-at", "2026-06-01", "-"}, Stdin: `{"start":"2026-04-01","end":"2027-03-31"}`},
	{Name: "error bad date", Args: []string{"-at", "2026-06-01", "-"}, Stdin: `{"id":"C-1","start":"2026-02-30","end":"2027-03-31"}`},
	{Name: "error end before start", Args: []string{"-at", "2026-06-01", "-"}, Stdin: `{"id":"C-1","start":"2027-04-01","end":"2027-03-31"}`},
	{Name: "error bad certificate", Args: []string{"-at", "2026-06-01", "-cert", "testdata/contract.json"}},
	{Name: "error 2 wins over 1", Args: []string{"-at", "2027-05-01", "testdata/contract.json", "testdata/nonexistent.json"}},

	// The reproductions of issue 13 that concern contractcheck.
	{Name: "error a second contract in the file exit 1", Args: []string{"-at", "2026-06-01", "-"},
		Stdin: "{\"id\":\"C-1\",\"start\":\"2026-04-01\",\"end\":\"2027-03-31\"}\n{\"id\":\"C-2\",\"start\":\"2026-04-01\",\"end\":\"2027-03-31\"}\n"},
	{Name: "error a second contract json exit 1", Args: []string{"-json", "-at", "2026-06-01", "-"},
		Stdin: "{\"id\":\"C-1\",\"start\":\"2026-04-01\",\"end\":\"2027-03-31\"} {}"},
	{Name: "error text after the contract", Args: []string{"-at", "2026-06-01", "-"},
		Stdin: "{\"id\":\"C-1\",\"start\":\"2026-04-01\",\"end\":\"2027-03-31\"}\nthe end\n"},
	{Name: "error not JSON", Args: []string{"-at", "2026-06-01", "testdata/client.pem"}},
	{Name: "error bad JSON", Args: []string{"-at", "2026-06-01", "-"}, Stdin: "{\"id\":\"C-1\",\n\"start\":,}"},
	{Name: "error wrong JSON type", Args: []string{"-at", "2026-06-01", "-"}, Stdin: "{\"id\":1}"},
	{Name: "error NUL bytes as from dev zero", Args: []string{"-at", "2026-06-01", "-"}, Stdin: "\x00\x00\x00"},
	{Name: "contracts in a directory", Args: []string{"-at", "2026-06-01", "testdata/contracts"}},
	{Name: "contracts in a directory json", Args: []string{"-json", "-at", "2026-06-01", "testdata/contracts"}},
	{Name: "CT-1 certificate of no contract", Args: []string{"-at", "2026-06-01", "-cert", "../testdata/leaf.pem", "testdata/contract.json"}},
	{Name: "CT-1 certificate of no contract json", Args: []string{"-json", "-at", "2026-06-01", "-cert", "../testdata/leaf.pem", "testdata/contract.json"}},
	{Name: "certificate with its chain", Args: []string{"-at", "2026-06-01", "-cert", "testdata/client-chain.pem", "testdata/contract.json"}},
	{Name: "error certificate file with two end-entity certificates", Args: []string{"-at", "2026-06-01", "-cert", "../renewcheck/testdata/two.pem", "testdata/contract.json"}},
	{Name: "flags after the files", Args: []string{"testdata/contract.json", "-json", "-at", "2026-06-01"}},
	{Name: "error unknown flag after a file", Args: []string{"testdata/contract.json", "-nope"}},
}

// TestGolden runs contractcheck in-process on each case, under two host
// zones, comparing standard output, standard error and the exit code with
// testdata/golden/NAME.txt (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { clitest.Check(t, name, run, c) })
	}
}

// TestBinary builds the real contractcheck and runs a few cases under
// TZ=America/Los_Angeles and TZ=Asia/Tokyo.
func TestBinary(t *testing.T) {
	clitest.CheckBinary(t, name, cases[1], cases[19])
}

// TestREADME reruns the README blocks that show contractcheck.
func TestREADME(t *testing.T) { clitest.CheckREADME(t, name, run) }
