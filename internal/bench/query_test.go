package bench

import "testing"

func TestWritesIsOnlyForWrites(t *testing.T) {
	for sql, want := range map[string]bool{
		"SELECT r.created_at, r.updated_at FROM results r":                  false,
		"SELECT data_version FROM datasets WHERE id = $1":                   false,
		"WITH ins AS (INSERT INTO app_secrets (name) VALUES ($1)) SELECT 1": true,
		"UPDATE datasets SET data_version = data_version + 1":               true,
		"delete from results": true,
	} {
		if got := writes.MatchString(sql); got != want {
			t.Errorf("writes(%q) = %t, want %t", sql, got, want)
		}
	}
}

func TestCallsFunctionSpotsTheBoardFunctions(t *testing.T) {
	for sql, want := range map[string]bool{
		"SELECT * FROM board_head($1, $2, $3, $4, $5)": true,
		"select * from  board_dataset($1)":             true,
		"SELECT * FROM board_cells c WHERE c.id = $1":  false,
		"SELECT board_head FROM x":                     false,
	} {
		if got := callsFunction.MatchString(sql); got != want {
			t.Errorf("callsFunction(%q) = %t, want %t", sql, got, want)
		}
	}
}

func TestDedent(t *testing.T) {
	if got := dedent("SELECT 1\n\t\tFROM x\n\tWHERE y"); got != "SELECT 1\nFROM x\nWHERE y" {
		t.Errorf("dedent = %q", got)
	}
}
