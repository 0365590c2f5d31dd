package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Region is an area whose municipalities and chain partners work together,
// such as the area of a police unit, a Veilig Thuis or a regional network.
// A workspace and an organisation each lie in at most one; pickers of
// organisations show those of the workspace's region first.
type Region struct {
	bun.BaseModel `bun:"table:regions"`

	ID        int64     `bun:"id,pk,autoincrement"`
	Name      string    `bun:"name,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}
