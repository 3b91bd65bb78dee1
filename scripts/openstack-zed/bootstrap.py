"""Fills the fresh Zed control plane through its own APIs (openstacksdk, as the admin user).

  bootstrap.py STATE_DIR catalog    services, endpoints, service users, the Inception project/user
  bootstrap.py STATE_DIR resources  flavors and one small public image (needs nova-api and glance)

Reads STATE_DIR/settings.json (written by zed.sh). Idempotent: what exists is kept.
"""
import json
import os
import sys

import openstack

state, phase = sys.argv[1], sys.argv[2]
with open(os.path.join(state, "settings.json")) as f:
    s = json.load(f)

conn = openstack.connect(auth_url=s["auth_url"], username="admin", password=s["admin_password"],
                         project_name="admin", user_domain_name="Default",
                         project_domain_name="Default", region_name=s["region"],
                         identity_api_version="3", interface="public")


def catalog():
    idn = conn.identity
    services = {svc.type: svc for svc in idn.services()}
    endpoints = {(e.service_id, e.interface) for e in idn.endpoints()}
    for name, type_, url in [("nova", "compute", s["compute_url"]),
                             ("placement", "placement", s["placement_url"]),
                             ("glance", "image", s["image_url"]),
                             ("neutron", "network", s["network_url"])]:
        svc = services.get(type_) or idn.create_service(name=name, type=type_)
        for interface in ("public", "internal", "admin"):
            if (svc.id, interface) not in endpoints:
                idn.create_endpoint(service_id=svc.id, interface=interface, url=url,
                                    region_id=s["region"])
    domain = "default"
    roles = {r.name: r for r in idn.roles()}
    for role in ("member", "reader", "admin"):
        if role not in roles:
            roles[role] = idn.create_role(name=role)
    projects = {p.name: p for p in idn.projects(domain_id=domain)}
    users = {u.name: u for u in idn.users(domain_id=domain)}

    def project(name, description):
        return projects.get(name) or idn.create_project(name=name, domain_id=domain,
                                                        description=description)

    def user(name, password, **extra):
        return users.get(name) or idn.create_user(name=name, password=password,
                                                  domain_id=domain, **extra)

    service = project("service", "OpenStack service users")
    for name in ("nova", "placement", "glance", "neutron"):
        idn.assign_project_role_to_user(service, user(name, s["service_password"]), roles["admin"])
    inception = project(s["project"], "Inception's control-plane VMs")
    u = user(s["user"], s["user_password"], default_project_id=inception.id)
    for role in ("member", "admin"):
        idn.assign_project_role_to_user(inception, u, roles[role])


def resources():
    existing = {f.name for f in conn.compute.flavors()}
    for name, vcpus, ram, disk in s["flavors"]:
        if name not in existing:
            conn.compute.create_flavor(name=name, vcpus=vcpus, ram=ram, disk=disk, is_public=True)
    if conn.image.find_image(s["image"]) is None:
        conn.image.create_image(name=s["image"], data=b"inception fake disk\n",
                                disk_format="raw", container_format="bare",
                                visibility="public", allow_duplicates=True)


{"catalog": catalog, "resources": resources}[phase]()
print("bootstrap %s: done" % phase)
