package database

// The embedded Postgres lets `make run` work on a machine with no Postgres
// server: it runs the locally installed binaries (initdb, pg_ctl, postgres)
// on a cluster kept under a directory of the project, e.g. ./.data:
//
//	.data/postgres/           the cluster (PGDATA)
//	.data/postgres.log        the server's log
//	.data/postgres.password   the superuser's password, made up at initdb
//
// Why not github.com/fergusstrange/embedded-postgres: offline it does work
// with BinariesPath pointing at the local binaries, but not as root, and
// everything here runs as root. Postgres refuses root, so the binaries must
// run as another user, which the library has no option for; wrapper scripts
// that drop privileges get further but then initdb cannot read the password
// file the library writes with mode 0600 as root. The library also wipes the
// data directory when its PG_VERSION differs from the configured version,
// needs the port free (so it cannot reuse a server a killed run left
// behind), and leaves a temporary log file in /tmp on every start. Calling
// initdb and pg_ctl ourselves is shorter than working around all that.
//
// As root, the binaries run as the owner of the cluster, or as the
// `postgres` OS user for a new one, through syscall.Credential: no wrapper
// scripts, no dependency on su, runuser or setpriv, and no shell quoting.
// That user must be able to reach the directory: a project under /root
// (mode 0700) cannot keep its cluster there; set DATABASE_URL instead.

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

const (
	embeddedSuperuser = "postgres"
	embeddedDatabase  = "benchboard"
)

// StartEmbedded starts (or reuses, if already running from a previous run) a
// Postgres kept under dir (e.g. "./.data") and returns its URL (database
// "benchboard" created if missing) and a stop function. The stop function
// shuts the server down (a reused one too) and may be called more than once.
// A line for each step goes to logw; the server's own log goes to
// dir/postgres.log, and the output of initdb and pg_ctl into the error when
// they fail.
func StartEmbedded(ctx context.Context, dir string, logw io.Writer) (url string, stop func() error, err error) {
	if logw == nil {
		logw = io.Discard
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("database: embedded: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, fmt.Errorf("database: embedded: %w", err)
	}
	e := &embedded{
		data: filepath.Join(dir, "postgres"),
		log:  filepath.Join(dir, "postgres.log"),
		logw: logw,
	}
	if e.bin, err = binariesFor(e.data); err != nil {
		return "", nil, err
	}
	if e.cred, e.user, err = serverUser(e.data); err != nil {
		return "", nil, err
	}
	if err := e.reach(ctx, dir); err != nil {
		return "", nil, err
	}
	password, err := embeddedPassword(filepath.Join(dir, "postgres.password"))
	if err != nil {
		return "", nil, fmt.Errorf("database: embedded: password: %w", err)
	}
	if err := e.touchLog(); err != nil {
		return "", nil, fmt.Errorf("database: embedded: %w", err)
	}

	if _, err := os.Stat(filepath.Join(e.data, "PG_VERSION")); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(logw, "embedded postgres: creating %s with %s%s\n", e.data, e.bin, e.as())
		if err := e.initdb(ctx, password); err != nil {
			return "", nil, err
		}
	}

	port, err := e.leftover()
	if err != nil {
		return "", nil, err
	}
	reused := port != 0
	if reused {
		fmt.Fprintf(logw, "embedded postgres: reusing the server left running on 127.0.0.1:%d\n", port)
	} else {
		if port, err = samePort(filepath.Join(dir, "postgres.port")); err != nil {
			return "", nil, err
		}
		if err := e.start(ctx, port); err != nil {
			return "", nil, err
		}
		fmt.Fprintf(logw, "embedded postgres: listening on 127.0.0.1:%d%s, log in %s\n", port, e.as(), e.log)
	}

	stop = sync.OnceValue(e.stop)
	url = embeddedURL(password, port)
	if err := ensureWhenReady(ctx, url); err != nil {
		if !reused {
			stop()
		}
		return "", nil, err
	}
	return url, stop, nil
}

// LocalBinaries finds the installed Postgres binaries: the highest version
// under /usr/lib/postgresql/*/bin (Debian and Ubuntu keep each major version
// there side by side), else `pg_config --bindir`, else pg_ctl's directory in
// PATH. The directory must hold initdb, pg_ctl and postgres.
func LocalBinaries() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { // newest first; "9.6" < "10"
		return compareVersions(filepath.Base(filepath.Dir(b)), filepath.Base(filepath.Dir(a)))
	})
	for _, d := range dirs {
		if hasServer(d) {
			return d, nil
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); hasServer(d) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if d := filepath.Dir(p); hasServer(d) {
			return d, nil
		}
	}
	return "", errors.New("database: no Postgres binaries (initdb, pg_ctl, postgres) in /usr/lib/postgresql/*/bin, in `pg_config --bindir` or next to pg_ctl in PATH")
}

// binariesFor picks binaries that can run the cluster in data: those of its
// major version when the cluster exists. A cluster is never re-created or
// upgraded here; a version mismatch is an error that names both versions.
func binariesFor(data string) (string, error) {
	b, err := os.ReadFile(filepath.Join(data, "PG_VERSION"))
	if errors.Is(err, fs.ErrNotExist) {
		return LocalBinaries()
	}
	if err != nil {
		return "", fmt.Errorf("database: embedded: %w", err)
	}
	want := strings.TrimSpace(string(b))
	if d := filepath.Join("/usr/lib/postgresql", want, "bin"); hasServer(d) {
		return d, nil
	}
	bin, err := LocalBinaries()
	if err != nil {
		return "", err
	}
	out, err := exec.Command(filepath.Join(bin, "postgres"), "--version").Output()
	if err != nil {
		return "", fmt.Errorf("database: embedded: %s --version: %w", filepath.Join(bin, "postgres"), err)
	}
	// "postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"; PG_VERSION holds "15" (or "9.6").
	fields := strings.Fields(string(out))
	if len(fields) < 3 || !strings.HasPrefix(fields[2]+".", want+".") {
		return "", fmt.Errorf("database: embedded: %s was created by PostgreSQL %s but %s is %s; install PostgreSQL %s or move the directory away",
			data, want, bin, strings.TrimSpace(string(out)), want)
	}
	return bin, nil
}

func hasServer(dir string) bool {
	for _, name := range []string{"initdb", "pg_ctl", "postgres"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.IsDir() {
			return false
		}
	}
	return true
}

// compareVersions compares dotted version numbers, like strings.Compare.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

// serverUser returns the credential the binaries run with: nil unless we are
// root, since initdb, pg_ctl and postgres all refuse to run as root. The
// owner of an existing cluster keeps it (postgres insists the data directory
// belongs to the user it runs as); a new one goes to the `postgres` user
// every Postgres package creates.
func serverUser(data string) (*syscall.Credential, string, error) {
	if os.Geteuid() != 0 {
		return nil, "", nil
	}
	if fi, err := os.Stat(data); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid != 0 {
			name := strconv.Itoa(int(st.Uid))
			if u, err := user.LookupId(name); err == nil {
				name = u.Username
			}
			return &syscall.Credential{Uid: st.Uid, Gid: st.Gid}, name, nil
		}
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, "", fmt.Errorf("database: embedded: Postgres will not run as root and there is no `postgres` user to run it as (create one with `useradd --system postgres`, or set DATABASE_URL): %w", err)
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, "", fmt.Errorf("database: embedded: uid of postgres: %w", err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, "", fmt.Errorf("database: embedded: gid of postgres: %w", err)
	}
	// Groups is nil: the child drops root's supplementary groups.
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, u.Username, nil
}

// embeddedPassword reads the superuser's password, making one up the first
// time. A well-known password would let any local user in as superuser, and
// so run programs as the OS user the server runs as (COPY ... TO PROGRAM),
// which as root is the `postgres` user that owns the system's own clusters.
func embeddedPassword(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	password := rand.Text()
	return password, os.WriteFile(path, []byte(password+"\n"), 0o600)
}

func embeddedURL(password string, port int) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(embeddedSuperuser, password),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		Path:     "/" + embeddedDatabase,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// freePort asks the kernel for a free port rather than using a fixed one:
// 5433 is where Debian puts a second cluster, and tests of several packages
// start servers at the same time.
// samePort returns the port the server used last time when it is free, so
// that a restarted server keeps its URL and running clients reconnect by
// themselves; otherwise a free one, remembered for next time.
func samePort(file string) (int, error) {
	if b, err := os.ReadFile(file); err == nil {
		if p, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && p > 0 && p < 65536 {
			if l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p))); err == nil {
				l.Close()
				return p, nil
			}
		}
	}
	p, err := freePort()
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(file, []byte(strconv.Itoa(p)+"\n"), 0o644); err != nil {
		return 0, fmt.Errorf("database: embedded: remember port: %w", err)
	}
	return p, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("database: embedded: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// ensureWhenReady creates the database, retrying while the server does not
// answer yet (a reused server may still be starting up) but not when it
// answers with an error such as a wrong password.
func ensureWhenReady(ctx context.Context, url string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := EnsureDatabase(ctx, url)
		var pgErr *pgconn.PgError
		if err == nil || time.Now().After(deadline) ||
			(errors.As(err, &pgErr) && pgErr.Code != "57P03") { // 57P03: starting up
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(200 * time.Millisecond):
		}
	}
}

type embedded struct {
	bin  string              // directory holding initdb, pg_ctl and postgres
	data string              // the cluster
	log  string              // the server's log, outside data so initdb finds data empty
	cred *syscall.Credential // nil unless we are root
	user string              // the OS user cred stands for
	logw io.Writer
}

// as describes the OS user for messages, when it is not us.
func (e *embedded) as() string {
	if e.cred == nil {
		return ""
	}
	return " as OS user " + e.user
}

// run runs one of the binaries as e.cred, with its output going into the
// error when it fails.
func (e *embedded) run(ctx context.Context, name string, args ...string) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(e.bin, name), args...)
	cmd.Stdout = &out
	cmd.Stderr = &out
	cmd.Dir = "/" // the server's user may not be allowed into ours
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: e.cred}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("database: embedded: %s%s: %w\n%s", name, e.as(), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// reach checks that the server's user can enter dir, which as root is not a
// given (a project under /root), with a clearer error than initdb's. Trying
// is the only check that also honours ACLs: the child changes directory
// after taking on e.cred, then runs `pg_ctl --version`.
func (e *embedded) reach(ctx context.Context, dir string) error {
	if e.cred == nil {
		return nil
	}
	cmd := exec.CommandContext(ctx, filepath.Join(e.bin, "pg_ctl"), "--version")
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: e.cred}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("database: embedded: Postgres refuses to run as root, so it runs as OS user %s, who cannot use %s: %w (keep the data where that user can reach it, or set DATABASE_URL)", e.user, dir, err)
	}
	return nil
}

// chown gives path to the server's user, when that is not us.
func (e *embedded) chown(path string) error {
	if e.cred == nil {
		return nil
	}
	return os.Chown(path, int(e.cred.Uid), int(e.cred.Gid))
}

// touchLog creates the log and hands it to the server's user: pg_ctl opens
// it as that user, who may not create files in our directory.
func (e *embedded) touchLog() error {
	f, err := os.OpenFile(e.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return e.chown(e.log)
}

func (e *embedded) initdb(ctx context.Context, password string) error {
	// initdb reads the password from a file, as the server's user.
	pwfile, err := os.CreateTemp(filepath.Dir(e.data), "pwfile")
	if err != nil {
		return fmt.Errorf("database: embedded: %w", err)
	}
	defer os.Remove(pwfile.Name())
	_, err = pwfile.WriteString(password + "\n")
	if cerr := pwfile.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = e.chown(pwfile.Name())
	}
	if err == nil {
		err = os.Mkdir(e.data, 0o700)
		if errors.Is(err, fs.ErrExist) { // left empty by a failed initdb
			err = nil
		}
	}
	if err == nil {
		err = e.chown(e.data)
	}
	if err != nil {
		return fmt.Errorf("database: embedded: %w", err)
	}
	return e.run(ctx, "initdb",
		"--pgdata", e.data,
		"--username", embeddedSuperuser,
		"--pwfile", pwfile.Name(),
		"--auth", "scram-sha-256",
		"--encoding", "UTF8",
		"--locale", "C.UTF-8", // as Debian's own clusters; the environment's may be "C" or missing
	)
}

// start starts the server and waits until it accepts connections. It
// listens on 127.0.0.1 only and on no Unix socket: the default socket
// directory of Debian's build, /var/run/postgresql, belongs to the system's
// clusters and is not writable by other users, and a socket path under a
// deep project directory can exceed the 107-byte limit.
func (e *embedded) start(ctx context.Context, port int) error {
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", port)
	if err := e.run(ctx, "pg_ctl", "start", "--wait", "--timeout", "60",
		"--pgdata", e.data, "--log", e.log, "-o", opts); err != nil {
		return fmt.Errorf("%w\n%s:\n%s", err, e.log, tail(e.log, 20))
	}
	return nil
}

// stop shuts the server down: fast mode rolls back open transactions and
// disconnects clients rather than waiting for them to leave.
func (e *embedded) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return e.run(ctx, "pg_ctl", "stop", "--wait", "--mode", "fast", "--pgdata", e.data)
}

// leftover returns the port of a server that an earlier run started on
// e.data and did not stop (it was killed), or 0 when none is running.
//
// A postmaster.pid left by a server that crashed is handled by postgres
// itself when its PID is dead: it checks that no process still uses the
// shared memory the file names, and replaces the file. When the PID is alive
// but is not a server on e.data (after a reboot, and in containers where PIDs
// repeat, another process of the same user can get it) postgres refuses to
// start, so the file is removed here.
func (e *embedded) leftover() (int, error) {
	pidFile := filepath.Join(e.data, "postmaster.pid")
	b, err := os.ReadFile(pidFile)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("database: embedded: %w", err)
	}
	// Lines: PID, data directory, start time, port, … (see pidfile.h).
	lines := strings.Split(string(b), "\n")
	pid, _ := strconv.Atoi(lines[0])
	if pid <= 0 {
		return 0, nil
	}
	if serves(pid, e.data) {
		if len(lines) > 3 {
			if port, err := strconv.Atoi(strings.TrimSpace(lines[3])); err == nil {
				return port, nil
			}
		}
		return 0, fmt.Errorf("database: embedded: server %d is running on %s but %s names no port", pid, e.data, pidFile)
	}
	if !hasProcfs() {
		return 0, nil
	}
	// A killed server's PID lingers for a moment as a zombie; give it time to
	// go, so that postgres can still check its shared memory.
	for range 20 {
		if !alive(pid) {
			return 0, nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	fmt.Fprintf(e.logw, "embedded postgres: removing stale %s (PID %d is now another program)\n", pidFile, pid)
	if err := os.Remove(pidFile); err != nil {
		return 0, fmt.Errorf("database: embedded: %w", err)
	}
	return 0, nil
}

// serves tells whether process pid is a server running on data. On Linux a
// server's working directory is its data directory; elsewhere the best we
// can tell is that the process exists.
func serves(pid int, data string) bool {
	if !hasProcfs() {
		return alive(pid)
	}
	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	if err != nil {
		return false
	}
	dir, err := filepath.EvalSymlinks(data)
	return err == nil && cwd == dir
}

func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}

func hasProcfs() bool {
	if runtime.GOOS != "linux" {
		return false
	}
	_, err := os.Readlink("/proc/self/cwd")
	return err == nil
}

// tail returns the last n lines of the file at path, for error messages.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
