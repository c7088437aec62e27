// Package config reads Benchboard's settings from the environment.
package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DefaultLocalURL is the local Postgres tried when DATABASE_URL is unset.
const DefaultLocalURL = "postgres://postgres@127.0.0.1:5432/benchboard?sslmode=disable"

// Config is every setting, resolved from the environment.
type Config struct {
	DatabaseURL     string        // DATABASE_URL; empty: local server, then embedded
	DatabaseReadURL string        // DATABASE_READ_URL: a streaming replica for reads
	Port            int           // PORT
	DataDir         string        // BENCHBOARD_DATA_DIR: the embedded Postgres lives here
	SubmitPerHour   int           // BENCHBOARD_SUBMIT_PER_HOUR: public submissions per IP
	RequestTimeout  time.Duration // BENCHBOARD_REQUEST_TIMEOUT
	SecureCookies   bool          // BENCHBOARD_SECURE_COOKIES: false only for plain-HTTP development
	TrustedProxies  []string      // BENCHBOARD_TRUSTED_PROXY: the proxies' addresses and CIDR ranges
	MaxConns        int           // BENCHBOARD_DB_CONNS
	PublicURL       string        // BENCHBOARD_PUBLIC_URL: the site's address, for absolute links (feed, status pages)
}

// FromEnv reads the environment; Validate names the variable that is wrong.
func FromEnv() (Config, error) {
	c := Config{
		DatabaseURL:     os.Getenv("DATABASE_URL"),
		DatabaseReadURL: os.Getenv("DATABASE_READ_URL"),
		DataDir:         envOr("BENCHBOARD_DATA_DIR", ".data"),
	}
	var err error
	if c.Port, err = intEnv("PORT", 8080, 1, 65535); err != nil {
		return c, err
	}
	if c.SubmitPerHour, err = intEnv("BENCHBOARD_SUBMIT_PER_HOUR", 20, 1, 1_000_000); err != nil {
		return c, err
	}
	if c.MaxConns, err = intEnv("BENCHBOARD_DB_CONNS", 20, 1, 1000); err != nil {
		return c, err
	}
	if c.RequestTimeout, err = durationEnv("BENCHBOARD_REQUEST_TIMEOUT", 10*time.Second); err != nil {
		return c, err
	}
	if v := os.Getenv("BENCHBOARD_SECURE_COOKIES"); v != "" {
		if c.SecureCookies, err = strconv.ParseBool(v); err != nil {
			return c, fmt.Errorf("config: BENCHBOARD_SECURE_COOKIES: %q is not true or false", v)
		}
	}
	if c.TrustedProxies, err = proxiesEnv("BENCHBOARD_TRUSTED_PROXY"); err != nil {
		return c, err
	}
	if v := os.Getenv("BENCHBOARD_PUBLIC_URL"); v != "" {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return c, fmt.Errorf("config: BENCHBOARD_PUBLIC_URL: %q is not an address such as https://benchboard.example.org", v)
		}
		c.PublicURL = strings.TrimSuffix(u.String(), "/")
	}
	return c, nil
}

// proxiesEnv reads a list of IP addresses and CIDR ranges, separated by
// commas or spaces.
func proxiesEnv(name string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(os.Getenv(name), func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if _, err := netip.ParsePrefix(f); err != nil {
			if _, err := netip.ParseAddr(f); err != nil {
				return nil, fmt.Errorf("config: %s: %q is neither an IP address nor a CIDR range such as 10.0.0.0/8", name, f)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func intEnv(name string, def, lo, hi int) (int, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("config: %s: %q is not a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

func durationEnv(name string, def time.Duration) (time.Duration, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("config: %s: %q is not a positive duration such as 10s", name, v)
	}
	return d, nil
}
