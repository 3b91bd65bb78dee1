# Node classification comes from Hiera: Inception renders each node's `classes` (its roles) from the
# environment file's `puppet.roles`, so this file never names a host.
node default {
  include(lookup('classes', Array[String], 'unique', []))
}
