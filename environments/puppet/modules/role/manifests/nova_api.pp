# The Nova API control VM: nova-api from the build's packages.
class role::nova_api {
  inception::nova_service { 'nova-api': }
}
