-- Account deletion (the platform's R__platform_erasure.sql). Scope circle: the generic rule deletes
-- every row of the ending circle. Scope member: the generic rule reaches tables with a user_id
-- column, and content has none; what is the member's own here is this service's part below:
-- their conversations with their messages (private to their author) and the calendar feed URLs they
-- made. What they created in a shared circle (calendar entries, items, metrics, library items, feed
-- sources) is the circle's shared work and stays with the circle. Runs as the table owner with the
-- member as the transaction's user; executable by nobody else (the erase functions call it).
CREATE FUNCTION erasure_service_rows(scope text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    circle uuid := current_tenant_id();
    member uuid := current_app_user_id();
    n      bigint;
    erased bigint := 0;
BEGIN
    IF scope <> 'member' THEN
        RETURN 0;
    END IF;
    IF circle IS NULL OR member IS NULL THEN
        RAISE EXCEPTION 'erasure_service_rows: no current circle or member';
    END IF;
    DELETE FROM messages WHERE tenant_id = circle AND conversation_id IN
        (SELECT id FROM conversations WHERE tenant_id = circle AND created_by = member);
    GET DIAGNOSTICS n = ROW_COUNT;
    erased := erased + n;
    DELETE FROM conversations WHERE tenant_id = circle AND created_by = member;
    GET DIAGNOSTICS n = ROW_COUNT;
    erased := erased + n;
    DELETE FROM calendar_feeds WHERE tenant_id = circle AND owner_id = member;
    GET DIAGNOSTICS n = ROW_COUNT;
    erased := erased + n;
    RETURN erased;
END
$$;
REVOKE ALL ON FUNCTION erasure_service_rows(text) FROM PUBLIC;

-- Circle erasure (erase_current_tenant) deletes "WHERE tenant_id = circle" as this migration role,
-- but the author policy of conversations and messages would let it reach only the erasing member's
-- own rows: for this role alone (never the runtime role) they also get policies reaching the whole
-- current circle (a DELETE with a WHERE needs the SELECT policy too), as health-service does.
CREATE POLICY circle_erasure ON conversations FOR DELETE TO CURRENT_USER USING (tenant_id = current_tenant_id());
CREATE POLICY circle_erasure_read ON conversations FOR SELECT TO CURRENT_USER USING (tenant_id = current_tenant_id());
CREATE POLICY circle_erasure ON messages FOR DELETE TO CURRENT_USER USING (tenant_id = current_tenant_id());
CREATE POLICY circle_erasure_read ON messages FOR SELECT TO CURRENT_USER USING (tenant_id = current_tenant_id());
