# The Nova conductor control VM.
class role::nova_conductor {
  include inception

  package { 'nova-conductor':
    ensure => $inception::version,
  }

  file { '/etc/nova/nova-conductor.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "DEFAULT" => { "transport_url" => "rabbit://nova:${inception::rabbit_password_text}@rabbitmq:5672/" },
      "api_database" => { "connection" => "mysql+pymysql://nova:${inception::db_password_text}@mysql/nova_api" },
      "keystone_authtoken" => { "www_authenticate_uri" => $inception::endpoints["keystone"] },
    } })),
    require   => Package['nova-conductor'],
    notify    => Service['nova-conductor'],
  }

  service { 'nova-conductor':
    ensure => running,
    enable => true,
  }
}
