package config

import (
	"strings"
	"testing"
)

// TestFromEnv: each setting is read and checked; a bad value is an error
// that names its variable.
func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		wantErr     string // "" means valid
		check       func(Config) bool
	}{
		{"BENCHBOARD_PUBLIC_URL", "https://benchboard.example.org/", "", func(c Config) bool { return c.PublicURL == "https://benchboard.example.org" }},
		{"BENCHBOARD_PUBLIC_URL", "http://10.0.0.5:8080/bench", "", func(c Config) bool { return c.PublicURL == "http://10.0.0.5:8080/bench" }},
		{"BENCHBOARD_PUBLIC_URL", "benchboard.example.org", "BENCHBOARD_PUBLIC_URL", nil},
		{"BENCHBOARD_PUBLIC_URL", "javascript:alert(1)", "BENCHBOARD_PUBLIC_URL", nil},
		{"BENCHBOARD_PUBLIC_URL", "https://example.org/?a=b", "BENCHBOARD_PUBLIC_URL", nil},
		{"PORT", "8081", "", func(c Config) bool { return c.Port == 8081 }},
		{"PORT", "80000", "PORT", nil},
		{"BENCHBOARD_SECURE_COOKIES", "maybe", "BENCHBOARD_SECURE_COOKIES", nil},
		{"BENCHBOARD_TRUSTED_PROXY", "10.0.0.1", "", func(c Config) bool { return len(c.TrustedProxies) == 1 }},
		{"BENCHBOARD_TRUSTED_PROXY", "10.0.0.1, 192.168.0.0/16 fd00::/8,::1", "", func(c Config) bool {
			return strings.Join(c.TrustedProxies, "|") == "10.0.0.1|192.168.0.0/16|fd00::/8|::1"
		}},
		{"BENCHBOARD_TRUSTED_PROXY", "10.0.0.1, proxy.internal", "BENCHBOARD_TRUSTED_PROXY", nil},
		{"BENCHBOARD_TRUSTED_PROXY", "10.0.0.0/33", "BENCHBOARD_TRUSTED_PROXY", nil},
		{"BENCHBOARD_REQUEST_TIMEOUT", "2s", "", func(c Config) bool { return c.RequestTimeout.Seconds() == 2 }},
	} {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			t.Setenv(tc.name, tc.value)
			c, err := FromEnv()
			switch {
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one naming %s", err, tc.wantErr)
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.check != nil && !tc.check(c):
				t.Fatalf("read %+v", c)
			}
		})
	}
}
