"""Runs an OpenStack console entry point (module:function) under the program name it expects.

Debian's service packages (nova-api, nova-compute, glance-api, ...) would pull libvirt and debconf
steps; the harness installs only the python3-* libraries and starts each service from its Python
entry point with this launcher:  /usr/bin/python3 launch.py PROG MODULE [args...]
"""
import importlib
import sys

prog, module = sys.argv[1], sys.argv[2]
sys.argv = [prog] + sys.argv[3:]
sys.exit(importlib.import_module(module).main())
