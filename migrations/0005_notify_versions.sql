-- +goose Up
-- Every instance keeps rendered leaderboards in memory. Instead of asking
-- Postgres on every request whether a page is still current, each instance
-- LISTENs on benchboard_data: any change to a dataset row (a write bumps
-- data_version; a rename changes what pages show) sends the row's id and
-- new version when the writing transaction commits, never before, and
-- never for a transaction that rolls back.
-- +goose StatementBegin
CREATE FUNCTION notify_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A deleted dataset has no current version: any page of it is stale.
        PERFORM pg_notify('benchboard_data', OLD.id || ':' || 9223372036854775807);
    ELSE
        PERFORM pg_notify('benchboard_data', NEW.id || ':' || NEW.data_version);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER datasets_notify_version
    AFTER INSERT OR UPDATE OR DELETE ON datasets
    FOR EACH ROW EXECUTE FUNCTION notify_data_version();

-- +goose Down
DROP TRIGGER datasets_notify_version ON datasets;
DROP FUNCTION notify_data_version();
