-- +goose Up
-- Public pages (recent changes, result histories, the Atom feed) name a
-- moderator by a display name chosen when the account is made. The email
-- is the login name and stays in the moderation area. Accounts made before
-- get a neutral name, changed with `benchboard user name`. No display name
-- holds an "@", so none can be an email address.
ALTER TABLE users ADD COLUMN display_name text;
UPDATE users SET display_name = 'Moderator ' || id;
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL,
    ADD CONSTRAINT users_display_name_check
        CHECK (length(display_name) BETWEEN 1 AND 100 AND display_name = btrim(display_name) AND strpos(display_name, '@') = 0);
CREATE UNIQUE INDEX users_display_name_key ON users (lower(display_name));

-- +goose Down
DROP INDEX users_display_name_key;
ALTER TABLE users DROP COLUMN display_name;
