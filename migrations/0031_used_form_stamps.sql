-- +goose Up
-- A suggestion form's signed "served at" stamp is accepted once. The
-- stamp's random nonce is recorded here when the form comes back, so a
-- replay is refused on whichever instance it reaches. A row is useless
-- once its stamp has expired and may be deleted then.
CREATE TABLE used_form_stamps (
    nonce      bytea PRIMARY KEY CHECK (length(nonce) = 16),
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_form_stamps_expires_idx ON used_form_stamps (expires_at);

-- +goose Down
DROP TABLE used_form_stamps;
