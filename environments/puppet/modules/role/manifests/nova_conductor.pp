# The Nova conductor control VM.
class role::nova_conductor {
  inception::nova_service { 'nova-conductor': }
}
