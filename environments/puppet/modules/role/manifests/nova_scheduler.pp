# The Nova scheduler control VM.
class role::nova_scheduler {
  inception::nova_service { 'nova-scheduler': }
}
