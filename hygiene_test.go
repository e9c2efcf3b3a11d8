package certlife_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTV1NoClockNoLocalZone keeps every library package free of the clock
// and of the host's time zone (TV-1; house style: every rule takes the
// instant it judges). It parses the non-test Go files outside examples/ and
// fails on any use of time.Now, time.Since, time.Until, time.Local or
// time.LoadLocation, under whatever name the file imports package time.
// The example commands may read the clock, as the default of -at only.
func TestTV1NoClockNoLocalZone(t *testing.T) {
	banned := map[string]bool{"Now": true, "Since": true, "Until": true, "Local": true, "LoadLocation": true}
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == "examples" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		timeName := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
				timeName = "time"
				if imp.Name != nil {
					timeName = imp.Name.Name
				}
			}
		}
		if timeName == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == timeName && banned[sel.Sel.Name] {
				t.Errorf("TV-1 %s uses time.%s", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Errorf("checked only %d files; the walk is missing the packages", checked)
	}
}

// TestEveryExportedFunctionHasAnExample enforces the house rule that every
// exported function and method of a library package has a runnable
// example: ExampleF for a function F, ExampleT_M for a method M of T
// (optionally with a _suffix). The methods that only satisfy a standard
// interface (Error, Unwrap, Is, String) are shown by the examples of the
// functions that return their values.
func TestEveryExportedFunctionHasAnExample(t *testing.T) {
	for _, dir := range []string{"tz", "validity", "renewal", "contract", "pkce"} {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		have := map[string]bool{}
		for _, name := range files {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			test := strings.HasSuffix(name, "_test.go")
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				if test {
					if n, ok := strings.CutPrefix(fn.Name.Name, "Example"); ok {
						have[n] = true
						if i := strings.LastIndex(n, "_"); i > 0 && n[i+1] >= 'a' && n[i+1] <= 'z' {
							have[n[:i]] = true // ExampleF_suffix
						}
					}
					continue
				}
				switch fn.Name.Name {
				case "Error", "Unwrap", "Is", "String":
					continue
				}
				if !fn.Name.IsExported() {
					continue
				}
				id := fn.Name.Name
				if fn.Recv != nil {
					if !exportedReceiver(fn.Recv) {
						continue
					}
					typ := fn.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					id = typ.(*ast.Ident).Name + "_" + id
				}
				want = append(want, id)
			}
		}
		for _, id := range want {
			if !have[id] {
				t.Errorf("%s: no Example%s", dir, id)
			}
		}
	}
}

// TestEveryExportedIdentifierIsDocumented checks that every exported
// function, method, type, variable and constant of a library package has a
// doc comment (a constant or variable in a documented group counts as
// documented, as godoc shows the group's comment).
func TestEveryExportedIdentifierIsDocumented(t *testing.T) {
	for _, dir := range []string{"tz", "validity", "renewal", "contract", "pkce", filepath.Join("internal", "keys")} {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv != nil && !exportedReceiver(d.Recv) {
						continue // a method of an unexported type is not in godoc
					}
					if d.Name.IsExported() && d.Doc == nil {
						t.Errorf("%s: %s has no doc comment", fset.Position(d.Pos()), d.Name.Name)
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch s := spec.(type) {
						case *ast.TypeSpec:
							if s.Name.IsExported() && s.Doc == nil && d.Doc == nil {
								t.Errorf("%s: type %s has no doc comment", fset.Position(s.Pos()), s.Name.Name)
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
									t.Errorf("%s: %s has no doc comment", fset.Position(n.Pos()), n.Name)
								}
							}
						}
					}
				}
			}
		}
	}
}

// exportedReceiver reports whether a method's receiver type is exported.
func exportedReceiver(recv *ast.FieldList) bool {
	typ := recv.List[0].Type
	if s, ok := typ.(*ast.StarExpr); ok {
		typ = s.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}
