-- Open event streams keep their caller's access only as long as it holds. Every change that can
-- narrow or end what someone may see NOTIFYs "estate_access" with whose access changed; each
-- instance's event hub re-reads the callers of its open streams it names (lib/realtime/hub.ts).
-- Triggers rather than each write path: the admin API, the CLI, a password change, Auth.js's
-- sign-out and a cascade from a deleted user or company all change these rows, and a path added
-- later cannot forget to tell. NOTIFY is sent only if and when the transaction commits.
--   {"user_id": n}     the user's direct company link, admin flag or group memberships changed,
--                      or the user is gone (every stream of that user, and their personal keys)
--   {"session_id": s}  a sign-in session was revoked or removed (signed out, password changed)
--   {"api_key_id": n}  a key was revoked, re-scoped, re-dated or removed
CREATE FUNCTION notify_access_changed(payload jsonb) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('estate_access', payload::text);
$$;

CREATE FUNCTION users_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_access_changed(jsonb_build_object('user_id', OLD.id));
  ELSIF NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.is_admin IS DISTINCT FROM OLD.is_admin THEN
    PERFORM notify_access_changed(jsonb_build_object('user_id', NEW.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER users_access_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION users_access_changed();

CREATE FUNCTION group_members_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_access_changed(jsonb_build_object('user_id', OLD.user_id));
  ELSE
    PERFORM notify_access_changed(jsonb_build_object('user_id', NEW.user_id));
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    PERFORM notify_access_changed(jsonb_build_object('user_id', OLD.user_id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER group_members_access_changed AFTER INSERT OR UPDATE OR DELETE ON group_members
  FOR EACH ROW EXECUTE FUNCTION group_members_access_changed();

-- A group's name says which company it grants (company_{id}): renaming one changes its members'.
CREATE FUNCTION groups_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name THEN
    PERFORM notify_access_changed(jsonb_build_object('user_id', m.user_id))
    FROM group_members m WHERE m.group_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER groups_access_changed AFTER UPDATE ON groups
  FOR EACH ROW EXECUTE FUNCTION groups_access_changed();

CREATE FUNCTION auth_sessions_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_access_changed(jsonb_build_object('session_id', OLD.id));
  ELSIF NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.expires_at IS DISTINCT FROM OLD.expires_at THEN
    PERFORM notify_access_changed(jsonb_build_object('session_id', NEW.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER auth_sessions_access_changed AFTER UPDATE OR DELETE ON auth_sessions
  FOR EACH ROW EXECUTE FUNCTION auth_sessions_access_changed();

-- Not last_used_at: a key in use touches it once a minute, and that changes no one's access.
CREATE FUNCTION api_keys_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_access_changed(jsonb_build_object('api_key_id', OLD.id));
  ELSIF NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
     OR NEW.scopes IS DISTINCT FROM OLD.scopes OR NEW.company_id IS DISTINCT FROM OLD.company_id
     OR NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    PERFORM notify_access_changed(jsonb_build_object('api_key_id', NEW.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER api_keys_access_changed AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION api_keys_access_changed();
