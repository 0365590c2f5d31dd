// Package store holds Schakel's queries, one file per entity. Every query that
// loads a workspace's object by id is scoped by the workspace id, so that an
// object of another workspace is ErrNotFound.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/pgdriver"
	"github.com/uptrace/bun/driver/sqliteshim"
	"github.com/uptrace/bun/migrate"

	"schakel/migrations"
)

// ErrNotFound is returned when an object does not exist, or exists in a
// workspace the query was not scoped to.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when a write would break a uniqueness rule.
var ErrDuplicate = errors.New("duplicate")

// Open connects to PostgreSQL when dsn starts with postgres://, and otherwise
// to the SQLite file at sqlitePath.
func Open(dsn, sqlitePath string) (*bun.DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return OpenPostgres(dsn)
	}
	return OpenSQLite(sqlitePath)
}

// OpenPostgres connects to PostgreSQL; extra connection parameters such as
// search_path can be passed in params.
func OpenPostgres(dsn string, params ...map[string]any) (*bun.DB, error) {
	opts := []pgdriver.Option{pgdriver.WithDSN(dsn)}
	for _, p := range params {
		opts = append(opts, pgdriver.WithConnParams(p))
	}
	sqldb := sql.OpenDB(pgdriver.NewConnector(opts...))
	// Keep the connections: database/sql keeps only two idle ones by
	// default, and a busy server would open a new connection per query.
	sqldb.SetMaxOpenConns(32)
	sqldb.SetMaxIdleConns(32)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	return bun.NewDB(sqldb, pgdialect.New()), nil
}

// OpenSQLite opens (and creates) the SQLite database file at path, with
// foreign keys on and write-ahead logging. SQLite takes one writer at a time,
// so the pool holds a single connection: writes queue instead of failing.
func OpenSQLite(path string) (*bun.DB, error) {
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_txlock=immediate"
	sqldb, err := sql.Open(sqliteshim.ShimName, dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	sqldb.SetMaxOpenConns(1)
	return bun.NewDB(sqldb, sqlitedialect.New()), nil
}

// Migrate brings the schema up to the newest migration and returns the names
// of the migrations it applied.
func Migrate(ctx context.Context, db *bun.DB) ([]string, error) {
	m := migrate.NewMigrator(db, migrations.Migrations)
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrations table: %w", err)
	}
	if err := m.Lock(ctx); err != nil {
		return nil, fmt.Errorf("migrations lock: %w", err)
	}
	defer m.Unlock(ctx) //nolint:errcheck // the lock row goes with the next Lock at worst
	group, err := m.Migrate(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	var names []string
	for _, mig := range group.Migrations {
		names = append(names, mig.Name)
	}
	return names, nil
}

// IsPostgres reports whether db talks to PostgreSQL.
func IsPostgres(db bun.IDB) bool {
	return db.Dialect().Name().String() == "pg"
}

// notFound turns sql.ErrNoRows into ErrNotFound and leaves other errors be.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// duplicate turns a unique-constraint violation of either database into
// ErrDuplicate.
func duplicate(err error) error {
	if err == nil {
		return nil
	}
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) && pgErr.Field('C') == "23505" {
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	}
	if strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	}
	return err
}
