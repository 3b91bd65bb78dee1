# nova-compute on a hypervisor's compute host: the build's apt snapshot as a source, the package at
# the build's version, nova.conf for the host's cell and the environment's endpoints, the service
# running (restarted when nova.conf changes).
class role::nova_compute (
  String $apt_source = lookup('inception::build::apt_source'),
) {
  include inception

  file { '/etc/apt/sources.list.d/inception-build.list':
    ensure  => file,
    mode    => '0644',
    content => "${apt_source}\n",
    notify  => Exec['inception-apt-update'],
  }

  exec { 'inception-apt-update':
    command     => '/usr/bin/apt-get update -q',
    refreshonly => true,
  }

  package { 'nova-compute':
    ensure  => $inception::version,
    require => Exec['inception-apt-update'],
  }

  file { '/etc/nova':
    ensure => directory,
    mode   => '0755',
  }

  file { '/etc/nova/nova.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/nova.conf.epp', {
      cell            => $inception::cell,
      host            => $inception::node_name,
      endpoints       => $inception::endpoints,
      rabbit_password => $inception::rabbit_password_text,
      version         => $inception::version,
    })),
    require   => Package['nova-compute'],
    notify    => Service['nova-compute'],
  }

  service { 'nova-compute':
    ensure => running,
    enable => true,
  }
}
