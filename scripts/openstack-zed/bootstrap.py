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
    for name, type_, url in [("nova", "compute", s["compute_url"]),
                             ("placement", "placement", s["placement_url"]),
                             ("glance", "image", s["image_url"]),
                             ("neutron", "network", s["network_url"])]:
        svc = next(idn.services(type=type_), None) or idn.create_service(name=name, type=type_)
        have = {e.interface for e in idn.endpoints(service_id=svc.id)}
        for interface in ("public", "internal", "admin"):
            if interface not in have:
                idn.create_endpoint(service_id=svc.id, interface=interface, url=url,
                                    region_id=s["region"])
    default = idn.find_domain("default")
    roles = {r.name: r for r in idn.roles()}
    for role in ("member", "reader", "admin"):
        if role not in roles:
            roles[role] = idn.create_role(name=role)
    service = idn.find_project("service", domain_id=default.id) or idn.create_project(
        name="service", domain_id=default.id, description="OpenStack service users")
    for user in ("nova", "placement", "glance", "neutron"):
        u = idn.find_user(user, domain_id=default.id) or idn.create_user(
            name=user, password=s["service_password"], domain_id=default.id)
        conn.grant_role("admin", user=u.id, project=service.id)
    project = idn.find_project(s["project"], domain_id=default.id) or idn.create_project(
        name=s["project"], domain_id=default.id, description="Inception's control-plane VMs")
    u = idn.find_user(s["user"], domain_id=default.id) or idn.create_user(
        name=s["user"], password=s["user_password"], domain_id=default.id,
        default_project_id=project.id)
    for role in ("member", "admin"):
        conn.grant_role(role, user=u.id, project=project.id)


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
