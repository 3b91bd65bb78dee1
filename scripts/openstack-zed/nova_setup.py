"""Nova's database set-up in one Python process (each nova-manage start costs a full import of Nova):
the same commands as

  nova-manage api_db sync
  nova-manage cell_v2 map_cell0 --database_connection CELL0_URL
  nova-manage cell_v2 create_cell --name cell1 --verbose
  nova-manage db sync

called through nova-manage's own command classes.  Usage: nova_setup.py CELL0_URL --config-file ...
"""
import sys

from nova.cmd import manage
from nova import config
from nova import objects
from oslo_log import log as logging

cell0_url = sys.argv[1]
config.parse_args(["nova-manage"] + sys.argv[2:])
logging.setup(manage.CONF, "nova")
objects.register_all()

steps = [
    ("api_db sync", lambda: manage.ApiDbCommands().sync()),
    ("cell_v2 map_cell0", lambda: manage.CellV2Commands().map_cell0(database_connection=cell0_url)),
    ("cell_v2 create_cell --name cell1", lambda: manage.CellV2Commands().create_cell(name="cell1", verbose=True)),
    ("db sync", lambda: manage.DbCommands().sync()),
]
for name, step in steps:
    rc = step()
    if rc:
        print("nova-manage %s failed: exit %s" % (name, rc), flush=True)
        sys.exit(rc)
    print("nova-manage %s: ok" % name, flush=True)
