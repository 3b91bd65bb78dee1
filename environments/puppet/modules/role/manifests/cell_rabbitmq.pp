# A compute cell's message queue (RabbitMQ): one per cell.
class role::cell_rabbitmq {
  include inception

  package { 'rabbitmq-server':
    ensure => 'installed',
  }

  file { '/etc/rabbitmq/rabbitmq-env.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "inception" => { "NODENAME" => "rabbit@${inception::node_name}", "CELL" => $inception::cell },
    } })),
    require   => Package['rabbitmq-server'],
    notify    => Service['rabbitmq-server'],
  }

  service { 'rabbitmq-server':
    ensure => running,
    enable => true,
  }
}
