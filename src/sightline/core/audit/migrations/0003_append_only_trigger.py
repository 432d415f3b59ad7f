"""On PostgreSQL the access log refuses UPDATE and DELETE at the database itself.

TRUNCATE is left to the database owner: it is how a test database is emptied between tests,
and an owner who can truncate can also drop the trigger.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_access_log_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'audit_accesslogentry is append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_access_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_access_log_no_update_delete ON audit_accesslogentry;
DROP FUNCTION IF EXISTS audit_access_log_refuse_change();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)
    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]
    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
