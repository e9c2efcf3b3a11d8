//go:build !unix

package input

import (
	"os"
	"path/filepath"
)

// fileID identifies a file whatever the name it is reached by.
type fileID struct{ path string }

// idOf returns the identity of a file: its path with links resolved.
func idOf(fi os.FileInfo, path string) fileID {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		if a, err := filepath.Abs(p); err == nil {
			return fileID{a}
		}
	}
	return fileID{path}
}
